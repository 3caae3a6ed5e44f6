import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";

/**
 * Test databases for every suite that needs one: in-memory PGlite, or a
 * throw-away database on the local PostgreSQL server (dropped at cleanup).
 * Run a suite on both with `describe.each(DB_KINDS)`.
 */
export const POSTGRES_ADMIN_URL =
  process.env.FLOWPILOT_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export type TestDbKind = "pglite" | "postgres";
export const DB_KINDS: readonly TestDbKind[] = ["pglite", "postgres"];

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

function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one admin statement; an unreachable server fails with how to start it. */
export async function postgresAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new Error(
      `These tests need PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), and it is not reachable: ${(err as Error).message}. ` +
        "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start " +
        "(or point FLOWPILOT_TEST_PG_URL at another server).",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of the given kind, with its cleanup. */
export async function withTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: IN_MEMORY });
    return {
      db,
      kind,
      cleanup: () => db.close(),
      openAnother: () => Promise.reject(new Error("in-memory PGlite is one database per process")),
    };
  }
  const name = `flowpilot_test_${randomBytes(6).toString("hex")}`;
  await postgresAdmin(`CREATE DATABASE ${name}`);
  const url = databaseUrl(POSTGRES_ADMIN_URL, name);
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
