import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, inject, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { databaseUrl, POSTGRES_ADMIN_URL, postgresAdmin } from "./postgres-admin.ts";

/**
 * Test databases for every suite that needs one: in-memory PGlite, or a
 * throw-away database on the local PostgreSQL server (dropped at cleanup).
 * Both start from a migrated template made once per run (test/global-setup.ts).
 * Run a suite on both with `describe.each(DB_KINDS)`.
 */
export { POSTGRES_ADMIN_URL, postgresAdmin };
export type TestDbKind = "pglite" | "postgres";

/**
 * Whether this run has PostgreSQL. Without it the run's set-up printed one line
 * saying so (or failed, with FLOWPILOT_REQUIRE_POSTGRES=1, as CI sets) and the
 * PostgreSQL suites are skipped.
 */
export const POSTGRES_AVAILABLE = inject("postgresTemplate") !== "";
/** Both backends, or PGlite alone in a run without PostgreSQL. */
export const DB_KINDS: readonly TestDbKind[] = POSTGRES_AVAILABLE ? ["pglite", "postgres"] : ["pglite"];
/** A suite or test that needs the PostgreSQL server. */
export const describeWithPostgres = describe.skipIf(!POSTGRES_AVAILABLE);
export const itWithPostgres = it.skipIf(!POSTGRES_AVAILABLE);

export interface TestDatabase {
  db: Database;
  kind: TestDbKind;
  /** PostgreSQL only: the throw-away database's URL, for opening more clients or processes on it. */
  url?: string;
  /** Closes the database (and any extra ones opened with `openAnother`) and drops the PostgreSQL database. */
  cleanup(): Promise<void>;
  /** PostgreSQL only: another independent Database (own PrismaClient and pool) on the same database. */
  openAnother(): Promise<Database>;
}

let pgliteArchive: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  pgliteArchive ??= readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
  return pgliteArchive;
}

function postgresTemplate(): string {
  const name = inject("postgresTemplate");
  if (!name) {
    throw new Error(
      "These tests need PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), and it was not reachable when the run started. " +
        "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  }
  return name;
}

/** A new name for a throw-away PostgreSQL database of this run (dropped at the latest when the run ends). */
export function testDatabaseName(): string {
  return `${inject("testDatabasePrefix")}${randomBytes(6).toString("hex")}`;
}

/** A fresh, migrated database of the given kind, with its cleanup. */
export async function withTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: IN_MEMORY, pgliteArchive: await pgliteTemplate() });
    return {
      db,
      kind,
      cleanup: () => db.close(),
      openAnother: () => Promise.reject(new Error("in-memory PGlite is one database per process")),
    };
  }
  const name = testDatabaseName();
  await postgresAdmin(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate()}`);
  const url = databaseUrl(name);
  const extra: Database[] = [];
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: url, dataDir: "" });
  } catch (err) {
    await postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw err;
  }
  return {
    db,
    kind,
    url,
    openAnother: async () => {
      const another = await openDatabase({ databaseUrl: url, dataDir: "" });
      extra.push(another);
      return another;
    },
    cleanup: async () => {
      await Promise.all([db, ...extra].map((d) => d.close()));
      await postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Earlier name of withTestDatabase, kept for existing suites. */
export const createTestDatabase = withTestDatabase;

const reusable = new Map<TestDbKind, Promise<TestDatabase>>();
const schemaOf = new Map<TestDbKind, string>();

/**
 * One database per test worker and kind, emptied (every table truncated) each
 * time it is handed out: a test starts from an empty, migrated database
 * without paying to create one. Its `cleanup` only empties it; the worker's
 * exit ends it (and the run's teardown drops leftover PostgreSQL databases).
 */
export async function emptiedTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  let shared = reusable.get(kind);
  if (!shared) {
    shared = withTestDatabase(kind);
    reusable.set(kind, shared);
  }
  const t = await shared;
  const tables = await truncateAll(t.db);
  // A test that changes the schema must use withTestDatabase: say so rather than fail elsewhere.
  const known = schemaOf.get(kind);
  if (known === undefined) schemaOf.set(kind, tables);
  else if (known !== tables)
    throw new Error(`a test changed the shared ${kind} test database's tables (${known} -> ${tables})`);
  return { ...t, cleanup: async () => void (await truncateAll(t.db)) };
}

async function truncateAll(db: Database): Promise<string> {
  const tables = await db.prisma.$queryRaw<Array<{ name: string }>>`
    SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     ORDER BY tablename`;
  if (tables.length === 0) return "";
  await db.prisma.$executeRawUnsafe(
    `TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
  return tables.map((t) => t.name).join(",");
}
