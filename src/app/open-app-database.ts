import { type Database, type DbLogger, IN_MEMORY, openDatabase } from "../db/open.ts";
import type { Config } from "./config.ts";
import { serveDatabaseJobs } from "./owner-channel.ts";

/**
 * The database of a long-running FlowPilot (bot or API). On the embedded
 * database it also answers the CLI's short jobs (stats, tokens, PSA
 * connections), which cannot open the folder while this process holds it.
 */
export async function openAppDatabase(
  config: Config,
  logger?: DbLogger & { error(obj: object, msg?: string): void },
): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  if (db.kind !== "pglite" || config.dataDir === IN_MEMORY) return db;
  let channel: Awaited<ReturnType<typeof serveDatabaseJobs>>;
  try {
    channel = await serveDatabaseJobs(
      config.dataDir,
      { prisma: db.prisma, encryptionKey: config.encryptionKey },
      logger,
    );
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    ...db,
    close: async () => {
      await channel?.close();
      await db.close();
    },
  };
}
