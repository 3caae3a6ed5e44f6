import type { ProcessedEventStore } from "./ports/index.ts";

/** How long a delivery's id is remembered: platforms retry within minutes (Slack: 3 tries over ~5 min). */
const EVENT_TTL_MS = 24 * 60 * 60_000;

/**
 * Takes a platform's delivery (its event id) once: true the first time,
 * false for a retry of a delivery already taken, across processes.
 */
export function firstDelivery(
  deps: { store: ProcessedEventStore },
  accountId: string,
  eventId: string,
  now: Date,
): Promise<boolean> {
  return deps.store.claimOnce(accountId, `event:${eventId}`, EVENT_TTL_MS, now);
}
