import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { applyMigrations, type SqlRunner } from "./migrate.ts";

/** An opened, migrated database. */
export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/** The part of a pino logger the database layer uses. */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface OpenDatabaseOptions {
  /** postgresql:// URL; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for embedded data (`<dataDir>/pglite`, created on first start); "memory://" keeps it in memory. */
  dataDir: string;
  logger?: DbLogger;
  /** Migration folder; defaults to prisma/migrations (tests point it elsewhere). */
  migrationsDir?: string;
}

/** The `dataDir` value for a throw-away in-memory PGlite database. */
export const IN_MEMORY = "memory://";

/**
 * Opens the database and applies pending migrations before returning:
 * PostgreSQL when `databaseUrl` is set, else embedded PGlite persisted under
 * the data folder. Both serve the same schema and migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  let location: string | undefined;
  let lock: DataDirLock | undefined;
  if (options.dataDir !== IN_MEMORY) {
    location = join(options.dataDir, "pglite");
    mkdirSync(location, { recursive: true });
    lock = lockDataDir(options.dataDir);
  }
  let lite: PGlite | undefined;
  try {
    lite = new PGlite(location);
    await lite.waitReady;
    const db = lite;
    const runner: SqlRunner = {
      exec: async (sql) => {
        await db.exec(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    };
    await migrate(runner, false, options);
  } catch (err) {
    await lite?.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the runtime contract is the same.
  const adapter = new PrismaPGlite(lite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  const db = lite;
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await db.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  // Migrations run on one dedicated connection: the advisory lock belongs to a session.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const runner: SqlRunner = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    await migrate(runner, true, options);
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
}

async function migrate(runner: SqlRunner, useAdvisoryLock: boolean, options: OpenDatabaseOptions) {
  const started = performance.now();
  const applied = await applyMigrations(runner, {
    dir: options.migrationsDir,
    useAdvisoryLock,
    onUnknownMigration: (name) =>
      options.logger?.warn({ migration: name }, "database has a migration this version does not know"),
  });
  if (applied.length > 0) {
    options.logger?.info(
      { migrations: applied, ms: Math.round(performance.now() - started) },
      "database migrations applied",
    );
  }
}
