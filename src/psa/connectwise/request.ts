import { PsaRequestError, parseRetryAfter } from "../errors.ts";

export interface RequestOptions {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

/**
 * One HTTP exchange with ConnectWise. Returns the parsed JSON of a 2xx
 * answer, null for a 404 on a GET, and otherwise throws a classified
 * PsaRequestError whose message is safe to show (it never carries credentials).
 */
export async function connectWiseRequest(options: RequestOptions): Promise<unknown> {
  const isWrite = options.method !== "GET";
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    throw transportError(err, isWrite, options.timeoutMs);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    throw transportError(err, isWrite, options.timeoutMs);
  }
  if (response.ok) return text ? parseJson(text) : null;
  if (response.status === 404 && !isWrite) return null;
  throw statusError(response, text, isWrite);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PsaRequestError("ConnectWise answered with something that is not JSON.", {
      retryable: false,
      ambiguous: true,
      cause: err,
    });
  }
}

function transportError(err: unknown, isWrite: boolean, timeoutMs: number): PsaRequestError {
  const name = (err as Error)?.name;
  const code = ((err as { cause?: { code?: string } })?.cause?.code ?? "") as string;
  const timedOut = name === "TimeoutError" || name === "AbortError";
  // A refused or unresolvable connection never reached ConnectWise; anything later might have.
  const neverSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
  return new PsaRequestError(
    timedOut
      ? `ConnectWise did not answer within ${Math.round(timeoutMs / 1000)} s.`
      : neverSent
        ? "ConnectWise could not be reached."
        : "The connection to ConnectWise failed.",
    { retryable: true, ambiguous: isWrite && !neverSent, cause: err },
  );
}

function statusError(response: Response, text: string, isWrite: boolean): PsaRequestError {
  const status = response.status;
  const detail = connectWiseMessage(text);
  if (status === 429) {
    return new PsaRequestError("ConnectWise is rate-limiting requests.", {
      status,
      retryable: true,
      ambiguous: false,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  if (status >= 500) {
    return new PsaRequestError(`ConnectWise had an internal error (HTTP ${status}).`, {
      status,
      retryable: true,
      ambiguous: isWrite,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  const message =
    status === 401
      ? "ConnectWise rejected the API credentials (HTTP 401). An admin needs to check the PSA connection."
      : status === 403
        ? "The ConnectWise API member is not allowed to do this (HTTP 403): check its security role."
        : status === 404
          ? "ConnectWise has no such ticket (HTTP 404)."
          : `ConnectWise refused the request (HTTP ${status})${detail ? `: ${detail}` : "."}`;
  return new PsaRequestError(message, { status, retryable: false, ambiguous: false });
}

/** ConnectWise errors look like {code, message, errors: [{message, field}]}. */
function connectWiseMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as {
      message?: unknown;
      errors?: Array<{ message?: unknown; field?: unknown }>;
    };
    const first = body.errors?.[0];
    const parts = [
      typeof body.message === "string" ? body.message : undefined,
      first && typeof first.message === "string"
        ? `${typeof first.field === "string" ? `${first.field}: ` : ""}${first.message}`
        : undefined,
    ].filter(Boolean);
    return parts.length ? parts.join(" ").slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
