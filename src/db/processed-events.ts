import type { PrismaClient } from "../generated/prisma/client.ts";

/** Expired claims are deleted every this many claims, so the table holds only live ones. */
const PURGE_EVERY = 500;
let claimsSincePurge = 0;

/**
 * Claims `key` for `ttlMs`: true for the first caller, false while an earlier
 * claim is live, across processes (one INSERT .. ON CONFLICT on the primary
 * key, no read-then-write). An expired claim is taken over.
 */
export async function claimOnce(
  prisma: PrismaClient,
  accountId: string,
  key: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs);
  const rows = await prisma.$queryRaw<Array<{ key: string }>>`
    INSERT INTO processed_events (account_id, key, claimed_at, expires_at)
    VALUES (${accountId}::uuid, ${key}, ${now}, ${expires})
    ON CONFLICT (account_id, key) DO UPDATE
      SET claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at
      WHERE processed_events.expires_at <= EXCLUDED.claimed_at
    RETURNING key`;
  if (++claimsSincePurge >= PURGE_EVERY) {
    claimsSincePurge = 0;
    await prisma.$executeRaw`DELETE FROM processed_events WHERE expires_at < ${now}`;
  }
  return rows.length === 1;
}

/** Ends a claim before it expires. */
export async function releaseClaim(prisma: PrismaClient, accountId: string, key: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM processed_events WHERE account_id = ${accountId}::uuid AND key = ${key}`;
}

/** What an earlier claim's work stored as its result, or null (none yet, or no live claim). */
export async function claimResult(
  prisma: PrismaClient,
  accountId: string,
  key: string,
): Promise<unknown | null> {
  const rows = await prisma.$queryRaw<Array<{ result: unknown }>>`
    SELECT result FROM processed_events WHERE account_id = ${accountId}::uuid AND key = ${key}`;
  return rows[0]?.result ?? null;
}

/** Stores the claimed work's result with the claim. */
export async function saveClaimResult(
  prisma: PrismaClient,
  accountId: string,
  key: string,
  result: unknown,
): Promise<void> {
  await prisma.$executeRaw`
    UPDATE processed_events SET result = ${JSON.stringify(result)}::jsonb
     WHERE account_id = ${accountId}::uuid AND key = ${key}`;
}
