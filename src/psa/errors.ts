import { FlowPilotError } from "../errors.ts";

/**
 * A failed PSA request, classified for the retry policy:
 * - retryable: 5xx, 429, timeouts and network failures; 4xx are final.
 * - ambiguous: the request may have been applied before it failed (a 5xx, a
 *   timeout or a dropped connection after sending), so a write must not be
 *   repeated without first checking whether it landed.
 */
export class PsaRequestError extends FlowPilotError {
  readonly status?: number;
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  /** From Retry-After, when the PSA said how long to wait. */
  readonly retryAfterMs?: number;

  constructor(
    userMessage: string,
    details: {
      status?: number;
      retryable: boolean;
      ambiguous: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super("psa_unavailable", userMessage, { cause: details.cause });
    this.name = "PsaRequestError";
    this.status = details.status;
    this.retryable = details.retryable;
    this.ambiguous = details.ambiguous;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
