import { type RateLimiterAbstract, RateLimiterPrisma } from "rate-limiter-flexible";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * The per-account REST request budget kept in the database
 * (api_rate_limits), so every API process on one PostgreSQL database counts
 * against the same budget instead of each allowing it in full.
 */
export function sharedRequestBudget(prisma: PrismaClient, requestsPerMinute: number): RateLimiterAbstract {
  return new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimiterFlexible",
    keyPrefix: "api",
    points: requestsPerMinute,
    duration: 60,
    // One row per account, reused once its window ends: nothing to sweep, and no timer outliving the database.
    clearExpiredByTimeout: false,
  });
}
