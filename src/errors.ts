/**
 * Typed errors with stable codes. One place (each adapter's error mapper, the
 * CLI, the HTTP API) turns them into user text; unknown errors get a
 * correlation id instead.
 */
export const ERROR_CODES = [
  "invalid_input",
  "not_found",
  "forbidden",
  "conflict",
  "expired_action",
  "psa_unavailable",
  "psa_not_connected",
  "llm_unavailable",
  "config_invalid",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class FlowPilotError extends Error {
  readonly code: ErrorCode;
  /** Safe to show to the engineer as-is. */
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = "FlowPilotError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isFlowPilotError(err: unknown): err is FlowPilotError {
  return err instanceof FlowPilotError;
}
