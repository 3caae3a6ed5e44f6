import type { MiddlewareHandler } from "hono";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { AuthEnv } from "./auth.ts";
import { HttpError } from "./errors.ts";

/**
 * Per-account request budget (after authentication, so the key is the
 * account): one busy integration cannot starve the others. Over it: 429 with
 * Retry-After in seconds. Counted in this process's memory unless a shared
 * budget is given (the app passes one kept in PostgreSQL, so several API
 * processes share one budget).
 */
export function rateLimit(
  requestsPerMinute: number,
  limiter: RateLimiterAbstract = new RateLimiterMemory({ points: requestsPerMinute, duration: 60 }),
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    try {
      await limiter.consume(c.get("caller").account.id);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new HttpError(
        429,
        "rate_limited",
        `More than ${requestsPerMinute} requests a minute for this account; retry in ${seconds} s.`,
        undefined,
        { "Retry-After": String(seconds) },
      );
    }
    await next();
  };
}
