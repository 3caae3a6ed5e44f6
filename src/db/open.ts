import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { FlowPilotError } from "../errors.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { applyMigrations, type SqlRunner } from "./migrate.ts";
import { takingTurns } from "./pglite-turns.ts";
import { redactStoredSecrets } from "./redact-stored.ts";

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
  /**
   * In-memory PGlite only: start from this data folder archive (PGlite's
   * dumpDataDir) instead of an empty cluster. Tests use a migrated template.
   */
  pgliteArchive?: Blob;
  /** Called with every SQL statement Prisma sends (Prisma query events): benchmarks count round trips. */
  onQuery?: (statement: string) => void;
}

/** A Prisma client on a driver adapter, with query events when someone listens. */
function prismaClient(adapter: PrismaPg, options: OpenDatabaseOptions): PrismaClient {
  if (!options.onQuery) return new PrismaClient({ adapter });
  const onQuery = options.onQuery;
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
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
    lock = await lockDataDir(options.dataDir);
  }
  let lite: PGlite | undefined;
  try {
    lite = new PGlite(location, options.pgliteArchive ? { loadDataDir: options.pgliteArchive } : {});
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
  const adapter = new PrismaPGlite(takingTurns(lite)) as unknown as PrismaPg;
  const prisma = prismaClient(adapter, options);
  const db = lite;
  try {
    await redactStoredSecrets(prisma, { logger: options.logger });
  } catch (err) {
    await prisma.$disconnect().catch(() => undefined);
    await db.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
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
  const client = await connectCreatingDatabase(url, options.logger);
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
  const prisma = prismaClient(new PrismaPg({ connectionString: url }), options);
  try {
    await redactStoredSecrets(prisma, { logger: options.logger });
  } catch (err) {
    await prisma.$disconnect().catch(() => undefined);
    throw err;
  }
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

/** PostgreSQL's "database does not exist" error. */
const INVALID_CATALOG_NAME = "3D000";

/**
 * Connects to the DATABASE_URL database, creating it first when the server
 * says it does not exist (as `createdb` would). Failures name the server and
 * what to do, never "unexpected error".
 */
async function connectCreatingDatabase(url: string, logger?: DbLogger): Promise<pg.Client> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || target.username || "postgres";
  const where = `${target.hostname || "localhost"}:${target.port || "5432"}`;
  try {
    return await connected(url);
  } catch (err) {
    if ((err as { code?: string }).code !== INVALID_CATALOG_NAME)
      throw describeConnectError(err, where, name);
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  try {
    const client = await connected(admin.toString());
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      logger?.info({ database: name, server: where }, "created the database named in DATABASE_URL");
    } catch (err) {
      // Another process may have created it in the meantime (42P04: duplicate_database).
      if ((err as { code?: string }).code !== "42P04") throw err;
    } finally {
      await client.end();
    }
  } catch (err) {
    throw new FlowPilotError(
      "config_invalid",
      `The database "${name}" does not exist on ${where} and could not be created (${(err as Error).message}). Create it (createdb -h ${target.hostname} ${name}) or fix DATABASE_URL.`,
    );
  }
  return connected(url);
}

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
}

function describeConnectError(err: unknown, where: string, name: string): Error {
  const e = err as { code?: string; message?: string };
  if (
    e.code === "ECONNREFUSED" ||
    e.code === "ENOTFOUND" ||
    e.code === "ETIMEDOUT" ||
    e.code === "EHOSTUNREACH"
  )
    return new FlowPilotError(
      "config_invalid",
      `Cannot reach PostgreSQL at ${where} (${e.code}) for DATABASE_URL; is the server running there?`,
      { cause: err },
    );
  if (e.code === "28P01" || e.code === "28000")
    return new FlowPilotError(
      "config_invalid",
      `PostgreSQL at ${where} refused the login for database "${name}" (${e.message}); check the user and password in DATABASE_URL.`,
      { cause: err },
    );
  return err instanceof Error ? err : new Error(String(err));
}
