import type { ErrorCode } from "../../errors.ts";

/** HTTP status of each typed engine error: the one place they are mapped. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  expired_action: 410,
  psa_unavailable: 502,
  psa_not_connected: 409,
  llm_unavailable: 503,
  config_invalid: 500,
  too_large: 413,
};

/** An error the HTTP layer itself raises (auth, JSON, body size, validation). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; correlation_id?: string };
}

export function errorBody(
  code: string,
  message: string,
  extra: { field?: string; correlation_id?: string } = {},
): ErrorBody {
  return { error: { code, message, ...extra } };
}
