import { createHash } from "node:crypto";
import type { ApiDeps } from "../../sessions/api/index.ts";
import { HttpError } from "./errors.ts";

/** How long an Idempotency-Key is remembered. */
const KEY_TTL_MS = 24 * 60 * 60_000;
/** What an Idempotency-Key may be: 1 to 200 visible ASCII characters (a UUID is ideal). */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

interface Stored {
  status: number;
  body: unknown;
  fingerprint: string;
}

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
  const claim = `idem:${request.scope}:${request.key}`;
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(request.body ?? null))
    .digest("hex");
  if (await deps.store.claimOnce(request.accountId, claim, KEY_TTL_MS, new Date())) {
    let reply: { status: number; body: unknown };
    try {
      reply = await request.answer();
    } catch (err) {
      await deps.store.releaseClaim(request.accountId, claim);
      throw err;
    }
    const stored: Stored = { ...reply, fingerprint };
    await deps.store.saveClaimResult(request.accountId, claim, stored);
    return reply;
  }
  const stored = (await deps.store.claimResult(request.accountId, claim)) as Stored | null;
  if (!stored)
    throw new HttpError(
      409,
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still being processed; retry in a moment.",
    );
  if (stored.fingerprint !== fingerprint)
    throw new HttpError(
      422,
      "invalid_input",
      "Idempotency-Key: this key was used with a different request body; use a new key for a new request.",
      "Idempotency-Key",
    );
  request.replayed();
  return { status: stored.status, body: stored.body };
}
