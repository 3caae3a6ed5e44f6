import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot redact-existing`: scan every stored session again for secrets (start-up does it once per version). */
export function registerRedactExisting(program: Command, io: CliIo): void {
  program
    .command("redact-existing")
    .description(
      "remove secrets from data stored by earlier versions (done once at start-up; safe to repeat)",
    )
    .action(async () => {
      const { runCliDatabaseJob } = await import("../handlers/database-job.ts");
      await runCliDatabaseJob(io, "redact-existing", {});
    });
}
