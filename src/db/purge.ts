import { isClosed, SESSION_STATUSES } from "../domain/index.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

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
 * Deleted per transaction: sessions, and messages in them. Each batch is short
 * (embedded PGlite runs a statement inside the server's process, and the
 * daily job must not hold Slack's 3-second acknowledgements), and a purge
 * interrupted midway keeps what it deleted so far.
 */
const BATCH = { sessions: 100, messages: 5_000 };

/**
 * Deletes sessions closed (resolved or escalated) more than `olderThanDays`
 * days before `now`, with their steps: messages, updates, reminders (the
 * steps go with their session, ON DELETE CASCADE). Open sessions stay
 * whatever their age. Each batch is counted and deleted in one transaction;
 * a session closing meanwhile is closed now, far from the cutoff, so the
 * counts are what was deleted. With `dryRun` nothing is.
 */
export async function purgeClosedSessions(
  prisma: PrismaClient,
  options: { olderThanDays: number; now?: Date; dryRun?: boolean },
): Promise<PurgeCounts> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * DAY_MS);
  // A session closed by an older version may lack ended_at: its last change is when it closed.
  const where: Prisma.SessionWhereInput = {
    status: { in: SESSION_STATUSES.filter(isClosed) },
    OR: [{ endedAt: { lt: cutoff } }, { endedAt: null, updatedAt: { lt: cutoff } }],
  };
  if (options.dryRun) return prisma.$transaction((tx) => countOf(tx, where));
  const total: PurgeCounts = { sessions: 0, messages: 0, updates: 0, reminders: 0, steps: 0 };
  for (;;) {
    const deleted = await prisma.$transaction(async (tx) => {
      const candidates = await tx.session.findMany({
        where,
        select: { id: true, messageCount: true },
        orderBy: { id: "asc" },
        take: BATCH.sessions,
      });
      let messages = 0;
      const batch = candidates.filter((s, i) => {
        messages += s.messageCount;
        return i === 0 || messages <= BATCH.messages;
      });
      if (batch.length === 0) return null;
      const ids = { id: { in: batch.map((s) => s.id) } };
      const counts = await countOf(tx, ids);
      await tx.session.deleteMany({ where: ids });
      return counts;
    });
    if (!deleted) return total;
    for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += deleted[key];
  }
}

async function countOf(tx: Prisma.TransactionClient, where: Prisma.SessionWhereInput): Promise<PurgeCounts> {
  const sessions = await tx.session.count({ where });
  const byType = await tx.sessionStep.groupBy({
    by: ["stepType"],
    where: { session: where },
    _count: { _all: true },
  });
  const count = (type: string) => byType.find((g) => g.stepType === type)?._count._all ?? 0;
  return {
    sessions,
    messages: count("message"),
    updates: count("status_update"),
    reminders: count("update_reminder"),
    steps: byType.reduce((sum, g) => sum + g._count._all, 0),
  };
}
