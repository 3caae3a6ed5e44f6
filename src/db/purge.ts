import { isClosed, SESSION_STATUSES } from "../domain/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** What a purge deletes (or, dry, would delete): closed sessions and their timeline. */
export interface PurgeCounts {
  sessions: number;
  messages: number;
  updates: number;
  reminders: number;
  /** Every timeline step, the three above and pauses, resolutions, escalations included. */
  steps: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes sessions closed (resolved or escalated) more than `olderThanDays`
 * days before `now`, with their steps: messages, updates, reminders (the
 * steps go with their session, ON DELETE CASCADE). Open sessions stay
 * whatever their age. Counted and deleted in one transaction; a session
 * closing meanwhile is closed now, far from the cutoff, so the counts are
 * what was deleted. With `dryRun` nothing is.
 */
export async function purgeClosedSessions(
  prisma: PrismaClient,
  options: { olderThanDays: number; now?: Date; dryRun?: boolean },
): Promise<PurgeCounts> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * DAY_MS);
  // A session closed by an older version may lack ended_at: its last change is when it closed.
  const where = {
    status: { in: SESSION_STATUSES.filter(isClosed) },
    OR: [{ endedAt: { lt: cutoff } }, { endedAt: null, updatedAt: { lt: cutoff } }],
  };
  return prisma.$transaction(async (tx) => {
    const sessions = await tx.session.count({ where });
    const byType = await tx.sessionStep.groupBy({
      by: ["stepType"],
      where: { session: where },
      _count: { _all: true },
    });
    const count = (type: string) => byType.find((g) => g.stepType === type)?._count._all ?? 0;
    const counts: PurgeCounts = {
      sessions,
      messages: count("message"),
      updates: count("status_update"),
      reminders: count("update_reminder"),
      steps: byType.reduce((sum, g) => sum + g._count._all, 0),
    };
    if (!options.dryRun && sessions > 0) await tx.session.deleteMany({ where });
    return counts;
  });
}
