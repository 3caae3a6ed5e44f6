import cron, { type ScheduledTask } from "node-cron";
import { isClosed } from "../../domain/index.ts";
import { reminderCancelledView, reminderFiredView } from "../views/index.ts";
import type { ConversationDeps } from "./context.ts";
import type { PlatformKind } from "./types.ts";

const CLAIM_BATCH = 50;

/**
 * Claims due reminders atomically (each fires once, whatever the number of
 * bot processes) and posts them where their session lives. A session that was
 * resolved or escalated meanwhile gets "Reminder cancelled" instead. One
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
      if (!thread) continue;
      if (isClosed(session.status)) {
        await deps.surface.post(thread, reminderCancelledView({ count: 1 }));
        continue;
      }
      await deps.surface.post(
        thread,
        reminderFiredView({
          sessionId: session.id,
          audience: reminder.audience,
          clientName: session.clientCompany ?? undefined,
          summary: session.ticketSummary ?? undefined,
          requester: { name: reminder.requested_by, platformUserId: reminder.requested_by_user_id },
        }),
      );
      fired += 1;
    } catch (err) {
      deps.logger?.error(
        { reminderId: reminder.id, err: err instanceof Error ? err.message : String(err) },
        "reminder failed",
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
