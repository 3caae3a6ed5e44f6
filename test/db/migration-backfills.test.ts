import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, type SqlRunner } from "../../src/db/migrate.ts";
import { type OpenDatabaseOptions, openDatabase } from "../../src/db/open.ts";
import { DB_KINDS, postgresAdmin, type TestDbKind, testDatabaseName } from "../support/db.ts";
import { databaseUrl } from "../support/postgres-admin.ts";

/**
 * Migrations that fill new columns from existing rows: a database made by
 * the migrations before them, holding data, is opened by this version and
 * the new columns must say what the old rows mean.
 */

const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

/** A migrations folder holding only those before `first` (what an older version shipped). */
async function migrationsBefore(first: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "flowpilot-old-migrations-"));
  tmpDirs.push(dir);
  for (const name of await readdir(MIGRATIONS_DIR))
    if (name < first) await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
  return dir;
}

/** An empty database of the kind, migrated by `dir` only; `sql` runs on it raw (the old schema). */
async function olderDatabase(kind: TestDbKind, dir: string, sql: string) {
  if (kind === "pglite") {
    const dataDir = await mkdtemp(join(tmpdir(), "flowpilot-old-data-"));
    tmpDirs.push(dataDir);
    const lite = new PGlite(join(dataDir, "pglite"));
    const runner: SqlRunner = {
      exec: async (s) => void (await lite.exec(s)),
      query: async <T>(s: string, params?: unknown[]) => (await lite.query<T>(s, params)).rows,
    };
    await applyMigrations(runner, { dir, useAdvisoryLock: false });
    await lite.exec(sql);
    await lite.close();
    return { target: { dataDir } as OpenDatabaseOptions, drop: async () => undefined };
  }
  const name = testDatabaseName();
  await postgresAdmin(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const runner: SqlRunner = {
      exec: async (s) => void (await client.query(s)),
      query: async <T>(s: string, params?: unknown[]) => (await client.query(s, params)).rows as T[],
    };
    await applyMigrations(runner, { dir, useAdvisoryLock: false });
    await client.query(sql);
  } finally {
    await client.end();
  }
  return {
    target: { databaseUrl: url, dataDir: "" } as OpenDatabaseOptions,
    drop: () => postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

const ACCOUNT = "00000000-0000-4000-8000-00000000000a";
const ENGINEER = "00000000-0000-4000-8000-00000000000e";
const NAMELESS = "00000000-0000-4000-8000-00000000000f";
const BUSY = "00000000-0000-4000-8000-000000000001";
const QUIET = "00000000-0000-4000-8000-000000000002";
const EMPTY = "00000000-0000-4000-8000-000000000003";

const message = (session: string, text: string) =>
  `INSERT INTO session_steps (id, session_id, step_type, content) VALUES (gen_random_uuid(), '${session}', 'message', '${JSON.stringify({ author: "engineer", text })}');`;

const OLD_ROWS = [
  `INSERT INTO accounts (id, platform, external_id, updated_at) VALUES ('${ACCOUNT}', 'api', 'northstar', now());`,
  `INSERT INTO users (id, account_id, platform_user_id, display_name, updated_at) VALUES
     ('${ENGINEER}', '${ACCOUNT}', 'eng-7', 'Michael Chihlas', now()),
     ('${NAMELESS}', '${ACCOUNT}', 'eng-8', '', now());`,
  `INSERT INTO sessions (id, account_id, engineer_id, ticket_id, updated_at) VALUES
     ('${BUSY}', '${ACCOUNT}', '${ENGINEER}', 'T-1', now()),
     ('${QUIET}', '${ACCOUNT}', '${NAMELESS}', 'T-2', now()),
     ('${EMPTY}', '${ACCOUNT}', NULL, 'T-3', now());`,
  message(BUSY, "VPN down for everyone"),
  message(BUSY, "certificate expired"),
  message(BUSY, "renewed, tunnels up"),
  `INSERT INTO session_steps (id, session_id, step_type, content) VALUES (gen_random_uuid(), '${BUSY}', 'pause', '{}');`,
  message(QUIET, "printer jammed"),
].join("\n");

describe.each(DB_KINDS)("backfilling migrations on %s", (kind) => {
  it("session_size fills message_count and text_chars of sessions that existed before it", async () => {
    const old = await olderDatabase(kind, await migrationsBefore("20261201030000_session_size"), OLD_ROWS);
    try {
      const db = await openDatabase(old.target);
      try {
        const rows = await db.prisma.session.findMany({
          select: { id: true, messageCount: true, textChars: true },
          orderBy: { ticketId: "asc" },
        });
        expect(rows).toEqual([
          {
            id: BUSY,
            messageCount: 3,
            textChars:
              "VPN down for everyone".length + "certificate expired".length + "renewed, tunnels up".length,
          },
          { id: QUIET, messageCount: 1, textChars: "printer jammed".length },
          { id: EMPTY, messageCount: 0, textChars: 0 },
        ]);
      } finally {
        await db.close();
      }
    } finally {
      await old.drop();
    }
  });

  it("session_engineer_name gives sessions that existed before it their engineer's name at that time", async () => {
    const old = await olderDatabase(
      kind,
      await migrationsBefore("20261201100000_session_engineer_name"),
      OLD_ROWS,
    );
    try {
      const db = await openDatabase(old.target);
      try {
        const rows = await db.prisma.session.findMany({
          select: { id: true, engineerName: true },
          orderBy: { ticketId: "asc" },
        });
        // An engineer without a name stays unset: the session follows the name once it is known.
        expect(rows).toEqual([
          { id: BUSY, engineerName: "Michael Chihlas" },
          { id: QUIET, engineerName: null },
          { id: EMPTY, engineerName: null },
        ]);
      } finally {
        await db.close();
      }
    } finally {
      await old.drop();
    }
  });
});
