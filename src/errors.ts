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
  "too_large",
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

/**
 * Text the engineer typed for an action (a custom reminder, say) that cannot
 * be used. The action can be tried again with new input; adapters that ask
 * for input (a console prompt, a Slack modal) ask again instead of moving on.
 */
export class InputRejectedError extends FlowPilotError {
  constructor(userMessage: string) {
    super("invalid_input", userMessage);
    this.name = "InputRejectedError";
  }
}

/**
 * A setting that cannot be used, given what else is set: start-up stops with
 * one line naming it ("invalid setting NAME: why"), never a stack trace.
 */
export class InvalidSettingError extends Error {
  override name = "InvalidSettingError";
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`invalid setting ${setting}: ${reason}`);
  }
}
