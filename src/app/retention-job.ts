import cron, { type ScheduledTask } from "node-cron";
import { purgeClosedSessions } from "../db/purge.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Once a day, at a quiet hour (the server's local time). */
export const RETENTION_SCHEDULE = "17 3 * * *";

interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * FLOWPILOT_RETENTION_DAYS applied by the server: the named daily job
 * "retention" deletes sessions closed more than that many days ago, with
 * their messages, updates and reminders (what `flowpilot purge` does by hand),
 * and logs what it deleted. A failed run is logged and the next day's runs.
 */
export function scheduleRetentionJob(
  prisma: PrismaClient,
  olderThanDays: number,
  logger: JobLogger,
  /** Wraps each run, e.g. so that shutdown waits for one under way. */
  track: (run: () => Promise<void>) => () => Promise<void> = (run) => run,
): ScheduledTask {
  const run = track(async () => {
    try {
      const deleted = await purgeClosedSessions(prisma, { olderThanDays });
      logger.info({ job: "retention", olderThanDays, deleted }, "retention purge");
    } catch (err) {
      logger.error(
        { job: "retention", err: err instanceof Error ? err.message : String(err) },
        "retention job failed",
      );
    }
  });
  return cron.schedule(RETENTION_SCHEDULE, run, { name: "retention", noOverlap: true });
}
