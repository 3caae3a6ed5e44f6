import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Applies prisma/migrations at start-up, recording them in Prisma's own
 * `_prisma_migrations` table (same columns, sha256-hex checksums of the
 * migration.sql file) so `prisma migrate status` / `deploy` agree with it.
 * Running the Prisma CLI at start-up is not an option: it is slow, and
 * embedded PGlite is single-process.
 */

/** The minimum a migrator needs from a connection: one session, in order. */
export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  /** Folder holding `<name>/migration.sql`; defaults to the repository's prisma/migrations. */
  dir?: string;
  /** Take Prisma's advisory lock (PostgreSQL with several processes); PGlite is single-process. */
  useAdvisoryLock: boolean;
  /** Told about database migrations this build does not know (a newer version ran). */
  onUnknownMigration?: (name: string) => void;
}

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

/** The advisory lock id Prisma's migrate engine uses, so the CLI and the app never migrate at once. */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** A migration could not be applied (or the recorded history does not match the files). */
export class MigrationError extends Error {
  override name = "MigrationError";
  readonly migration: string;

  constructor(migration: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.migration = migration;
  }
}

/** Prisma's checksum: sha256 of the file's bytes, lower-case hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Reads `<dir>/<name>/migration.sql` for every migration folder, in name order. */
export async function readMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
}

/**
 * Applies pending migrations in order, each in its own transaction together
 * with its `_prisma_migrations` row; a failure rolls that migration back and
 * throws a MigrationError naming it. Idempotent. Returns the names applied.
 */
export async function applyMigrations(db: SqlRunner, options: MigrateOptions): Promise<string[]> {
  const migrations = await readMigrationFiles(options.dir);
  if (options.useAdvisoryLock) await db.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_ID]);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const known = new Set(migrations.map((m) => m.name));
    for (const row of rows)
      if (!known.has(row.migration_name)) options.onUnknownMigration?.(row.migration_name);

    const done: string[] = [];
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row?.finished_at) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            m.name,
            `Migration ${m.name} was changed after it was applied (checksum mismatch); restore the original migration.sql.`,
          );
        }
        continue;
      }
      if (row) {
        throw new MigrationError(
          m.name,
          `Migration ${m.name} is recorded as started but not finished; inspect the database, then run \`npx prisma migrate resolve --rolled-back ${m.name}\` (or --applied).`,
        );
      }
      await applyOne(db, m);
      done.push(m.name);
    }
    return done;
  } finally {
    if (options.useAdvisoryLock) {
      await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_ID]).catch(() => undefined);
    }
  }
}

async function applyOne(db: SqlRunner, m: MigrationFile): Promise<void> {
  try {
    await db.exec("BEGIN");
    const startedAt = new Date();
    await db.exec(m.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), m.checksum, m.name, startedAt],
    );
    await db.exec("COMMIT");
  } catch (err) {
    await db.exec("ROLLBACK").catch(() => undefined);
    throw new MigrationError(
      m.name,
      `Migration ${m.name} failed and was rolled back: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
