import type { DatabaseJobArgs, DatabaseJobName } from "../../app/database-jobs.ts";
import { runDatabaseJob } from "../../app/run-database-job.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";

/** Runs a database job (here, or by the running FlowPilot holding the database) and prints its output. */
export async function runCliDatabaseJob<N extends DatabaseJobName>(
  io: CliIo,
  name: N,
  args: DatabaseJobArgs<N>,
): Promise<void> {
  io.stdout.write(await runDatabaseJob(loadCliConfig(io.env), name, args));
}
