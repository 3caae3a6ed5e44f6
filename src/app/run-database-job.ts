import { DataDirInUseError } from "../db/data-dir-lock.ts";
import { openDatabase } from "../db/open.ts";
import type { Config } from "./config.ts";
import { type DatabaseJobArgs, type DatabaseJobName, runDatabaseJobOn } from "./database-jobs.ts";
import { askDatabaseOwner } from "./owner-channel.ts";

/**
 * Runs one database job for the CLI and returns its output: on the
 * configured database, or, when a running FlowPilot holds the embedded
 * database, by that process.
 */
export async function runDatabaseJob<N extends DatabaseJobName>(
  config: Config,
  name: N,
  args: DatabaseJobArgs<N>,
): Promise<string> {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    const answered = await askDatabaseOwner(err.dataDir, name, args);
    if (answered === null) throw err;
    return answered;
  }
  try {
    return await runDatabaseJobOn({ prisma: db.prisma, encryptionKey: config.encryptionKey }, name, args);
  } finally {
    await db.close();
  }
}
