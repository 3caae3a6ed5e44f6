import pg from "pg";

/** The local PostgreSQL server's admin connection (trust auth), or FLOWPILOT_TEST_PG_URL. */
export const POSTGRES_ADMIN_URL =
  process.env.FLOWPILOT_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Whether the server answers at all (checked once, quickly). */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one admin statement; an unreachable server fails with how to start it. */
export async function postgresAdmin<T = Record<string, unknown>>(sql: string): Promise<T[]> {
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
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The URL of another database on the admin server. */
export function databaseUrl(name: string): string {
  const u = new URL(POSTGRES_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
