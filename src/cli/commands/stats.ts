import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot stats`: the spec's success metrics from the configured database. */
export function registerStats(program: Command, io: CliIo): void {
  program
    .command("stats")
    .description("usage figures: Share Update adoption, time to ticket post, feedback")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }) => {
      const { runCliDatabaseJob } = await import("../handlers/database-job.ts");
      await runCliDatabaseJob(io, "stats", { json: Boolean(flags.json) });
    });
}
