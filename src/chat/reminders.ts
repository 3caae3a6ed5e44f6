import cron, { type ScheduledTask } from "node-cron";
import type { PlatformKind } from "../domain/index.ts";
import { fireDueReminders as fireDue } from "../sessions/reminders.ts";
import type { ConversationDeps } from "./context.ts";
import { reminderCancelledView, reminderFiredView, reminderNoteView } from "./views/index.ts";

/**
 * Fires this platform's due reminders (the use case claims them, marks them
 * fired and retries failures) and shows each where its session lives: in
 * the requester's direct messages with a note in the thread where the
 * platform reminds that way, else in the thread; a reminder whose session
 * closed meanwhile is shown as cancelled.
 */
export function fireDueReminders(deps: ConversationDeps, platform: PlatformKind, now: Date): Promise<number> {
  return fireDue(deps, platform, now, async (reminder, thread, closed) => {
    const { session } = reminder;
    if (closed) {
      await deps.surface.post(thread, reminderCancelledView({ count: 1 }));
      return;
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
  });
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
