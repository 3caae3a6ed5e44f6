import type { Pause } from "../types.ts";

const MINUTE_MS = 60_000;

/**
 * Minutes from `startedAt` to `now`, less the time spent paused. Pauses are
 * clipped to the session window; an open pause (no `to`) runs until `now`;
 * overlapping pauses are counted once.
 */
export function timeSpentMinutes(startedAt: Date, now: Date, pauses: readonly Pause[]): number {
  const start = startedAt.getTime();
  const end = now.getTime();
  if (!(end > start)) return 0;
  const windows = pauses
    .map((p) => [Math.max(start, p.from.getTime()), Math.min(end, (p.to ?? now).getTime())] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let paused = 0;
  let coveredUntil = start;
  for (const [from, to] of windows) {
    const effectiveFrom = Math.max(from, coveredUntil);
    if (to > effectiveFrom) paused += to - effectiveFrom;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return Math.max(0, Math.round((end - start - paused) / MINUTE_MS));
}
