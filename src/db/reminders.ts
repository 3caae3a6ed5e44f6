import type { PlatformKind } from "../domain/index.ts";
import { isClosed, type SessionStatus } from "../domain/index.ts";
import type { Audience } from "../engine/types.ts";
import { FlowPilotError } from "../errors.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import type { ClaimedReminder, StoredReminder } from "../sessions/types.ts";
import { isUuid, SESSION_INCLUDE, toStoredSession } from "./records.ts";
import { sessionNotFound } from "./sessions.ts";
import { parseStepContent } from "./steps.ts";

/** Follow-up reminders, stored as update_reminder steps (spec: Follow-up Reminders). */

export interface NewReminder {
  remind_at: Date | string;
  audience: Audience;
  /** The update the reminder follows up on. */
  update_step_id?: string;
  requested_by?: string;
  requested_by_user_id?: string;
}

function toStoredReminder(row: { id: string; sessionId: string; content: unknown }): StoredReminder {
  return { ...parseStepContent("update_reminder", row.content), id: row.id, sessionId: row.sessionId };
}

/** Schedules a reminder on an open session; a closed one answers FlowPilotError("conflict"). */
export async function createReminder(
  prisma: PrismaClient,
  sessionId: string,
  reminder: NewReminder,
): Promise<StoredReminder> {
  const remindAt = reminder.remind_at instanceof Date ? reminder.remind_at.toISOString() : reminder.remind_at;
  const content = parseStepContent("update_reminder", {
    remind_at: remindAt,
    audience: reminder.audience,
    status: "pending",
    update_step_id: reminder.update_step_id,
    requested_by: reminder.requested_by,
    requested_by_user_id: reminder.requested_by_user_id,
  });
  if (!isUuid(sessionId)) throw sessionNotFound();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ status: SessionStatus }>>`
      SELECT status::text AS status FROM sessions WHERE id = ${sessionId}::uuid FOR NO KEY UPDATE`;
    const status = rows[0]?.status;
    if (!status) throw sessionNotFound();
    if (isClosed(status))
      throw new FlowPilotError(
        "conflict",
        `This session is already ${status}; there is nothing to remind about.`,
      );
    const step = await tx.sessionStep.create({ data: { sessionId, stepType: "update_reminder", content } });
    return toStoredReminder(step);
  });
}

/** The session's pending reminders, in the order they were set. */
export async function listPendingReminders(
  prisma: PrismaClient,
  sessionId: string,
): Promise<StoredReminder[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await prisma.sessionStep.findMany({
    where: { sessionId, stepType: "update_reminder", content: { path: ["status"], equals: "pending" } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
  });
  return rows.map(toStoredReminder);
}

/** Cancels every pending reminder of a session (e.g. "session resolved"); returns how many. */
export async function cancelPendingReminders(
  prisma: PrismaClient,
  sessionId: string,
  reason: string,
): Promise<number> {
  if (!isUuid(sessionId)) return 0;
  return prisma.$executeRaw`
    UPDATE session_steps
       SET content = content || jsonb_build_object('status', 'cancelled', 'cancelled_reason', ${reason}::text)
     WHERE session_id = ${sessionId}::uuid
       AND step_type = 'update_reminder'
       AND content->>'status' = 'pending'`;
}

/**
 * Claims up to `limit` due reminders for delivery and returns them with their
 * session, oldest due first: each gets a lease (`claimed_until`) and one more
 * attempt, and stays pending until `markReminderFired` says it was shown. One
 * statement: rows another process has locked are skipped and the lease is
 * re-checked in the UPDATE, so with several processes each reminder is
 * delivered by one of them at a time; a process that dies mid-delivery leaves
 * a lease that expires, and the reminder is claimed again (at least once).
 * Reminders of closed sessions are not claimed (resolving cancels them).
 * `platform` limits the claim to one platform's accounts.
 */
export async function claimDueReminders(
  prisma: PrismaClient,
  now: Date,
  limit: number,
  options: { platform?: PlatformKind; leaseMs?: number } = {},
): Promise<ClaimedReminder[]> {
  if (!Number.isInteger(limit) || limit < 1) return [];
  const platformFilter = options.platform
    ? Prisma.sql`AND a.platform = ${options.platform}::"Platform"`
    : Prisma.empty;
  const until = new Date(now.getTime() + (options.leaseMs ?? REMINDER_LEASE_MS)).toISOString();
  const claimable = Prisma.sql`
    st.content->>'status' = 'pending'
    AND (st.content->>'remind_at')::timestamptz <= ${now}
    AND (st.content->>'claimed_until' IS NULL OR (st.content->>'claimed_until')::timestamptz <= ${now})
    AND (st.content->>'next_attempt_at' IS NULL OR (st.content->>'next_attempt_at')::timestamptz <= ${now})`;
  const claimed = await prisma.$queryRaw<Array<{ id: string; session_id: string; content: unknown }>>`
    UPDATE session_steps AS s
       SET content = s.content || jsonb_build_object(
             'claimed_until', ${until}::text,
             'attempts', COALESCE((s.content->>'attempts')::int, 0) + 1)
     WHERE s.id IN (
             SELECT st.id FROM session_steps st
               JOIN sessions se ON se.id = st.session_id
               JOIN accounts a ON a.id = se.account_id
              WHERE st.step_type = 'update_reminder'
                AND ${claimable}
                AND se.status IN ('active', 'paused')
                ${platformFilter}
              ORDER BY (st.content->>'remind_at')::timestamptz, st.seq
              LIMIT ${limit}
              FOR UPDATE OF st SKIP LOCKED)
       -- Re-checked on the row being updated: a lease taken meanwhile is not taken twice.
       AND s.content->>'status' = 'pending'
       AND (s.content->>'claimed_until' IS NULL OR (s.content->>'claimed_until')::timestamptz <= ${now})
    RETURNING s.id, s.session_id, s.content`;
  if (claimed.length === 0) return [];
  const sessions = await prisma.session.findMany({
    where: { id: { in: [...new Set(claimed.map((c) => c.session_id))] } },
    include: SESSION_INCLUDE,
    relationLoadStrategy: "join",
  });
  const byId = new Map(sessions.map((s) => [s.id, toStoredSession(s)]));
  return claimed
    .map((c) => ({
      ...toStoredReminder({ id: c.id, sessionId: c.session_id, content: c.content }),
      session: byId.get(c.session_id)!,
    }))
    .sort((a, b) => Date.parse(a.remind_at) - Date.parse(b.remind_at));
}

/** How long a claimed reminder is left to its process before another may deliver it. */
export const REMINDER_LEASE_MS = 2 * 60_000;

/** The reminder was shown: fired, lease gone. A reminder cancelled meanwhile stays cancelled. */
export async function markReminderFired(prisma: PrismaClient, reminderId: string, at: Date): Promise<void> {
  if (!isUuid(reminderId)) return;
  await prisma.$executeRaw`
    UPDATE session_steps
       SET content = (content - 'claimed_until' - 'next_attempt_at')
                     || jsonb_build_object('status', 'fired', 'fired_at', ${at.toISOString()}::text)
     WHERE id = ${reminderId}::uuid AND step_type = 'update_reminder' AND content->>'status' = 'pending'`;
}

/** Delivery failed: the lease is released and the next attempt waits until `retryAt`. */
export async function retryReminder(
  prisma: PrismaClient,
  reminderId: string,
  retryAt: Date,
  error: string,
): Promise<void> {
  if (!isUuid(reminderId)) return;
  await prisma.$executeRaw`
    UPDATE session_steps
       SET content = (content - 'claimed_until')
                     || jsonb_build_object('next_attempt_at', ${retryAt.toISOString()}::text, 'last_error', ${error.slice(0, 300)}::text)
     WHERE id = ${reminderId}::uuid AND step_type = 'update_reminder' AND content->>'status' = 'pending'`;
}
