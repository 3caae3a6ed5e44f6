/**
 * A chat platform that cannot work with the settings given: its credentials
 * were refused (`refused`: a setting is wrong) or it could not be reached
 * (`unreachable`). The message is one line naming the setting or the URL,
 * never a secret.
 */
export class StartupCheckError extends Error {
  override name = "StartupCheckError";
  constructor(
    message: string,
    readonly kind: "refused" | "unreachable",
  ) {
    super(message);
  }
}

/** How long one start-up check may wait for an answer before the platform counts as unreachable. */
export const STARTUP_CHECK_TIMEOUT_MS = 10_000;

/**
 * A short description of a network failure: the system error code when there
 * is one (ECONNREFUSED, ENOTFOUND, …), else the innermost cause's message
 * (fetch says "bad port" for ports it refuses to use).
 */
export function networkCause(err: unknown): string {
  let current: unknown = err;
  let innermost = "network error";
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      original?: unknown;
    };
    if (typeof e.code === "string" && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (e.name === "TimeoutError" || e.name === "AbortError") return "no answer in time";
    if (typeof e.message === "string" && e.message) innermost = e.message.split("\n")[0]!.slice(0, 80);
    current = e.cause ?? e.original;
  }
  return innermost;
}

/** A URL for a log line or message: no user name or password, even if the setting carried them. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}
