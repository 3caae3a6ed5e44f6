/**
 * Reminders to send the next update: scheduled from an update, cancelled
 * when the session closes (close.ts), and fired when due, each once across
 * processes, retried with backoff when showing one fails. Where and how a
 * reminder is shown is the caller's (chat posts a view).
 */
import { isClosed, type Logger, type PlatformKind } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { ReminderStore, UpdateStore } from "./ports/index.ts";
import type { ClaimedReminder, SessionInfo, StoredUpdate, ThreadRef } from "./types.ts";

/** A finished session has nothing left to remind about. */
export function assertCanRemind(session: SessionInfo): void {
  if (isClosed(session.status))
    throw new FlowPilotError(
      "conflict",
      `This session is ${session.status}; there is nothing left to remind you about.`,
    );
}

/**
 * Schedules a reminder to send the next update for this update's audience,
 * `minutes` from `now`, for the engineer who asked (named and mentioned when
 * it fires). A finished session has nothing left to remind about.
 */
export async function scheduleReminder(
  deps: { store: ReminderStore & UpdateStore },
  input: {
    session: SessionInfo;
    update: StoredUpdate;
    minutes: number;
    now: Date;
    requestedBy: string;
    requestedByUserId?: string;
  },
): Promise<{ reminderId: string; remindAt: Date }> {
  const { session, update } = input;
  assertCanRemind(session);
  const remindAt = new Date(input.now.getTime() + input.minutes * 60_000);
  const reminderId = await deps.store.createReminder(session.id, {
    remindAt,
    audience: update.audience,
    updateId: update.id,
    requestedBy: input.requestedBy,
    requestedByUserId: input.requestedByUserId,
  });
  await deps.store.patchUpdate(update.id, { delivery: { ...update.delivery, reminder_step_id: reminderId } });
  return { reminderId, remindAt };
}

/** How many due reminders one run claims. */
const CLAIM_BATCH = 50;

/** 1, 2, 4 ... minutes after the n-th failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/**
 * Shows one due reminder in its session's conversation. `closed`: the
 * session was resolved or escalated meanwhile, so the reminder is shown as
 * cancelled instead.
 */
export type ShowReminder = (reminder: ClaimedReminder, thread: ThreadRef, closed: boolean) => Promise<void>;

/**
 * Claims due reminders (a lease each, whatever the number of bot processes)
 * and shows them where their session lives; a reminder counts as fired only
 * once it was shown. A failed showing is retried with backoff (1, 2, 4 ...
 * minutes, at most an hour apart); a process that dies mid-delivery leaves a
 * lease that expires, and the reminder is delivered by the next run. One
 * reminder's failure does not stop the others. Returns how many fired.
 */
export async function fireDueReminders(
  deps: { store: ReminderStore; logger?: Logger },
  platform: PlatformKind,
  now: Date,
  show: ShowReminder,
): Promise<number> {
  const claimed = await deps.store.claimDueReminders(now, CLAIM_BATCH, platform);
  let fired = 0;
  for (const reminder of claimed) {
    try {
      const { session } = reminder;
      // The routing stored with the session when it started: reachable after a restart, without an event.
      const thread = session.thread;
      if (!thread) {
        // An API session lives in no conversation: nothing to show it in (as before, it counts as fired).
        await deps.store.markReminderFired(reminder.id, now);
        continue;
      }
      if (isClosed(session.status)) {
        await show(reminder, thread, true);
        continue;
      }
      await show(reminder, thread, false);
      await deps.store.markReminderFired(reminder.id, now);
      fired += 1;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = new Date(now.getTime() + retryDelayMs(reminder.attempts ?? 1));
      await deps.store
        .retryReminder(reminder.id, retryAt, message)
        .catch((storeErr) =>
          deps.logger?.error({ err: String(storeErr) }, "could not schedule reminder retry"),
        );
      deps.logger?.error(
        {
          reminderId: reminder.id,
          attempts: reminder.attempts,
          retryAt: retryAt.toISOString(),
          err: message,
        },
        "reminder delivery failed; will retry",
      );
    }
  }
  return fired;
}
