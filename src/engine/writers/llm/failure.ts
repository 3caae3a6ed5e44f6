import OpenAI from "openai";

/** The model answered, but not with usable text (empty, cut off, refused, not a completion). */
export class InvalidAnswerError extends Error {
  override name = "InvalidAnswerError";
}

const SUFFIX = "used the standard writer instead";

/**
 * A short, secret-free note for the engineer on why the AI text was not
 * used. Never includes the server's own message, which may echo the request.
 */
export function describeLlmFailure(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return `AI writer timed out; ${SUFFIX}`;
  if (err instanceof OpenAI.RateLimitError) {
    const retryAfter = err.headers?.get("retry-after");
    const wait = retryAfter && /^\d+$/.test(retryAfter) ? `, retry after ${retryAfter}s` : "";
    return `AI writer is rate-limited (HTTP 429${wait}); ${SUFFIX}`;
  }
  if (err instanceof OpenAI.AuthenticationError)
    return `AI writer rejected the API key (HTTP 401); ${SUFFIX}`;
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    return `AI writer unavailable (HTTP ${err.status}); ${SUFFIX}`;
  }
  if (err instanceof OpenAI.APIConnectionError) return `AI writer unreachable; ${SUFFIX}`;
  if (err instanceof InvalidAnswerError)
    return `AI writer gave an invalid answer (${err.message}); ${SUFFIX}`;
  if (err instanceof SyntaxError) return `AI writer gave an invalid answer (not JSON); ${SUFFIX}`;
  return `AI writer failed; ${SUFFIX}`;
}
