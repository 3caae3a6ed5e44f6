import type { ApiDeps } from "../../sessions/api/index.ts";
import { answerOnce as runOnce } from "../../sessions/idempotency.ts";
import { HttpError } from "./errors.ts";

/** What an Idempotency-Key may be: 1 to 200 visible ASCII characters (a UUID is ideal). */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its
 * answer is stored; a repeat with the same key and body gets that answer
 * again (Idempotency-Replayed: true) without running twice; the same key with
 * another body is 422; a repeat while the first still runs is 409. A request
 * that failed (no answer stored) releases its key, so a retry runs again.
 */
export async function answerOnce(
  deps: ApiDeps,
  request: {
    accountId: string;
    /** Method and path: one key may be reused on another resource. */
    scope: string;
    key: string;
    body: unknown;
    answer: () => Promise<{ status: number; body: unknown }>;
    replayed: () => void;
  },
): Promise<{ status: number; body: unknown }> {
  if (!IDEMPOTENCY_KEY_FORMAT.test(request.key))
    throw new HttpError(
      422,
      "invalid_input",
      "Idempotency-Key: use 1 to 200 visible ASCII characters (a UUID is ideal).",
      "Idempotency-Key",
    );
  const once = await runOnce(deps, {
    accountId: request.accountId,
    key: `${request.scope}:${request.key}`,
    request: request.body,
    answer: request.answer,
  });
  switch (once.outcome) {
    case "answered":
      return once.reply;
    case "replayed":
      request.replayed();
      return once.reply;
    case "in_progress":
      throw new HttpError(
        409,
        "idempotency_in_progress",
        "A request with this Idempotency-Key is still being processed; retry in a moment.",
      );
    case "other_request":
      throw new HttpError(
        422,
        "invalid_input",
        "Idempotency-Key: this key was used with a different request body; use a new key for a new request.",
        "Idempotency-Key",
      );
  }
}
