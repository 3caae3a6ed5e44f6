/**
 * Keys claimed for a while, across processes: a platform's retried
 * delivery, the update debounce window, a post's lease, an Idempotency-Key.
 */
export interface ProcessedEventStore {
  /** True for the first caller, false while an earlier claim lives. */
  claimOnce(accountId: string, key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Ends a claim early (a lease whose work is done). */
  releaseClaim(accountId: string, key: string): Promise<void>;
  /** The result the claim's work stored, or null (not finished, or no live claim). */
  claimResult(accountId: string, key: string): Promise<unknown | null>;
  saveClaimResult(accountId: string, key: string, result: unknown): Promise<void>;
}
