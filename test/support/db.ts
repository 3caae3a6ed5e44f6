import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/connect.ts";

export const POSTGRES_ADMIN_URL =
  process.env.FLOWPILOT_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export type TestDbKind = "pglite" | "postgres";
export const DB_KINDS: readonly TestDbKind[] = ["pglite", "postgres"];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL at 127.0.0.1:5432 is needed for the PostgreSQL tests and is not reachable (${(err as Error).message}). ` +
        "Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  db: Database;
  /** Set for PostgreSQL: the throw-away database's URL, for opening more clients on it. */
  url?: string;
  cleanup(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a throw-away database on the local PostgreSQL server. */
export async function createTestDatabase(kind: TestDbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    return { db, cleanup: () => db.close() };
  }
  const name = `flowpilot_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(POSTGRES_ADMIN_URL, name);
  const db = await openDatabase({ databaseUrl: url, dataDir: "" });
  return {
    db,
    url,
    cleanup: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
