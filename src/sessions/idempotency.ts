import { createHash } from "node:crypto";
import type { ProcessedEventStore } from "./ports/index.ts";

/** How long an idempotency key is remembered. */
const KEY_TTL_MS = 24 * 60 * 60_000;

/** What became of a request that carried an idempotency key. */
export type Once<R extends object> =
  /** The first with its key: it ran, and its reply is kept for repeats. */
  | { outcome: "answered"; reply: R }
  /** A repeat of the same request: the kept reply, without running again. */
  | { outcome: "replayed"; reply: R }
  /** A repeat while the first still runs. */
  | { outcome: "in_progress" }
  /** The key was used for a different request. */
  | { outcome: "other_request" };

/**
 * Runs a request that a client may send again (REST's Idempotency-Key) at
 * most once per key: the first runs and its reply is stored with a
 * fingerprint of the request; a repeat of the same request gets that reply
 * back; the same key with another request, or while the first still runs,
 * is refused. A request that failed (no reply stored) releases its key, so a
 * retry runs again.
 */
export async function answerOnce<R extends object>(
  deps: { store: ProcessedEventStore; clock?: () => Date },
  input: { accountId: string; key: string; request: unknown; answer: () => Promise<R> },
): Promise<Once<R>> {
  const claim = `idem:${input.key}`;
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(input.request ?? null))
    .digest("hex");
  const now = deps.clock?.() ?? new Date();
  if (await deps.store.claimOnce(input.accountId, claim, KEY_TTL_MS, now)) {
    let reply: R;
    try {
      reply = await input.answer();
    } catch (err) {
      await deps.store.releaseClaim(input.accountId, claim);
      throw err;
    }
    await deps.store.saveClaimResult(input.accountId, claim, { ...reply, fingerprint });
    return { outcome: "answered", reply };
  }
  const stored = (await deps.store.claimResult(input.accountId, claim)) as
    | (R & { fingerprint: string })
    | null;
  if (!stored) return { outcome: "in_progress" };
  if (stored.fingerprint !== fingerprint) return { outcome: "other_request" };
  const { fingerprint: _kept, ...reply } = stored;
  return { outcome: "replayed", reply: reply as unknown as R };
}
