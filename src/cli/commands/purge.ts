import type { Command } from "commander";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

/** `--older-than 90` or `90d`: whole days, at least one. */
export function parseDays(value: string): number {
  const m = /^\s*(\d{1,6})\s*d?\s*$/i.exec(value);
  const days = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(
      `--older-than takes a number of days (at least 1), such as 90 or 90d; got "${value}"`,
    );
  return days;
}

/** `flowpilot purge --older-than <days>`: delete sessions closed longer ago than that, with their timeline. */
export function registerPurge(program: Command, io: CliIo): void {
  program
    .command("purge")
    .description(
      "delete sessions resolved or escalated more than N days ago, with their messages, updates and reminders",
    )
    .requiredOption("--older-than <days>", "days since the session was closed, e.g. 90 or 90d")
    .option("--dry-run", "print what would be deleted; delete nothing")
    .action(async (flags: { olderThan: string; dryRun?: boolean }) => {
      const olderThanDays = parseDays(flags.olderThan);
      const { runCliDatabaseJob } = await import("../handlers/database-job.ts");
      await runCliDatabaseJob(io, "purge", { olderThanDays, dryRun: Boolean(flags.dryRun) });
    });
}
