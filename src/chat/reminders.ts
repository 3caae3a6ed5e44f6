import cron, { type ScheduledTask } from "node-cron";
import type { PlatformKind } from "../domain/index.ts";
import { isClosed } from "../domain/index.ts";
import type { ConversationDeps } from "./context.ts";
import { reminderCancelledView, reminderFiredView, reminderNoteView } from "./views/index.ts";

const CLAIM_BATCH = 50;

/** 1, 2, 4 ... minutes after the n-th failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/**
 * Claims due reminders (a lease each, whatever the number of bot processes)
 * and posts them where their session lives; a reminder counts as fired only
 * once the post succeeded. A failed post is retried with backoff (1, 2, 4 ...
 * minutes, at most an hour apart); a process that dies mid-delivery leaves a
 * lease that expires, and the reminder is delivered by the next run. One
 * reminder's failure does not stop the others.
 */
export async function fireDueReminders(
  deps: ConversationDeps,
  platform: PlatformKind,
  now: Date,
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
        await deps.surface.post(thread, reminderCancelledView({ count: 1 }));
        continue;
      }
      const view = reminderFiredView({
        sessionId: session.id,
        audience: reminder.audience,
        clientName: session.clientCompany ?? undefined,
        summary: session.ticketSummary ?? undefined,
        requester: { name: reminder.requested_by, platformUserId: reminder.requested_by_user_id },
      });
      const direct =
        deps.surface.remindsByDirectMessage && reminder.requested_by_user_id
          ? await deps.surface.openDirect(thread.account, reminder.requested_by_user_id)
          : undefined;
      if (direct) {
        await deps.surface.post(direct, view);
        await deps.surface.post(thread, reminderNoteView(reminder.requested_by ?? "", reminder.audience));
      } else {
        await deps.surface.post(thread, view);
      }
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

/** The named scheduled job: checks for due reminders every 15 seconds. */
export function scheduleReminderJob(
  run: () => Promise<unknown>,
  logger?: ConversationDeps["logger"],
): ScheduledTask {
  return cron.schedule(
    "*/15 * * * * *",
    async () => {
      try {
        await run();
      } catch (err) {
        logger?.error(
          { job: "reminders", err: err instanceof Error ? err.message : String(err) },
          "reminder job failed",
        );
      }
    },
    { name: "reminders", noOverlap: true },
  );
}
