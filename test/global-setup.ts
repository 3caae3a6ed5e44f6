import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
// @ts-expect-error: a plain .mjs module without types
import { ensureBuilt } from "../bin/ensure-built.mjs";
import { isRunning } from "../src/db/data-dir-lock.ts";
import { applyMigrations, readMigrationFiles } from "../src/db/migrate.ts";
import { openDatabase } from "../src/db/open.ts";
import { POSTGRES_ADMIN_URL, postgresAdmin, postgresReachable } from "./support/postgres-admin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data folder archive every in-memory test database starts from. */
    pgliteTemplate: string;
    /** A temporary folder for this run's files, removed when it ends. */
    tempRoot: string;
    /** A migrated FLOWPILOT_DATA_DIR (embedded database folder) to copy for tests that need a real folder. */
    dataDirTemplate: string;
    /** A migrated PostgreSQL database to CREATE DATABASE … TEMPLATE from, or "" when the server is down. */
    postgresTemplate: string;
    /**
     * How this run's PostgreSQL test databases are named (the run's process id
     * inside): runs by several people on one server drop only their own.
     */
    testDatabasePrefix: string;
  }
}

/**
 * Once per test run: the compiled CLI is brought up to date (the few
 * end-to-end tests run it as a process), and one migrated database template
 * per backend is made, so no test pays for migrating a fresh database.
 */
export default async function setup(project: TestProject) {
  if (!ensureBuilt()) throw new Error("could not build dist/ for the CLI end-to-end tests");
  const dir = await mkdtemp(join(tmpdir(), "flowpilot-test-templates-"));
  const archive = await migratedPgliteArchive();
  const pgliteTemplate = join(dir, "pglite.tar");
  await writeFile(pgliteTemplate, Buffer.from(await archive.arrayBuffer()));
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("tempRoot", dir);
  const dataDirTemplate = join(dir, "data");
  await (await openDatabase({ dataDir: dataDirTemplate })).close();
  project.provide("dataDirTemplate", dataDirTemplate);
  const postgres = await postgresReachable();
  if (!postgres) skipPostgres();
  project.provide("postgresTemplate", postgres ? await postgresTemplate() : "");
  const prefix = `flowpilot_test_r${process.pid}_`;
  project.provide("testDatabasePrefix", prefix);
  if (postgres) await dropTestDatabases((pid) => !isRunning(pid));
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (postgres) await dropTestDatabases((pid) => pid === process.pid);
  };
}

/**
 * Without a PostgreSQL server the PostgreSQL suites are skipped, said in one
 * line; FLOWPILOT_REQUIRE_POSTGRES=1 (CI sets it) fails the run instead.
 */
function skipPostgres(): void {
  const server = new URL(POSTGRES_ADMIN_URL).host;
  const start = "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
  if (process.env.FLOWPILOT_REQUIRE_POSTGRES === "1")
    throw new Error(`FLOWPILOT_REQUIRE_POSTGRES=1 but PostgreSQL at ${server} is not reachable; ${start}`);
  process.stderr.write(
    `PostgreSQL at ${server} is not reachable: the PostgreSQL suites are skipped (${start}; FLOWPILOT_REQUIRE_POSTGRES=1 makes this a failure)\n`,
  );
}

async function migratedPgliteArchive(): Promise<Blob> {
  const lite = new PGlite();
  try {
    await applyMigrations(
      {
        exec: async (sql) => {
          await lite.exec(sql);
        },
        query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
      },
      { useAdvisoryLock: false },
    );
    return await lite.dumpDataDir("none");
  } finally {
    await lite.close();
  }
}

/** A template named after the migrations it holds: made once, reused by later runs until they change. */
async function postgresTemplate(): Promise<string> {
  const migrations = await readMigrationFiles();
  const digest = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 12);
  const name = `flowpilot_template_${digest}`;
  const exists = await postgresAdmin<{ n: number }>(
    `SELECT 1 AS n FROM pg_database WHERE datname = '${name}'`,
  );
  if (exists.length > 0) return name;
  // Built under a temporary name and renamed when complete, so a half-made template is never used.
  const building = `${name}_building_${process.pid}`;
  await postgresAdmin(`CREATE DATABASE ${building}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${building}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await db.close();
  try {
    await postgresAdmin(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } catch (err) {
    await postgresAdmin(`DROP DATABASE IF EXISTS ${building}`);
    const raced = await postgresAdmin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (raced.length === 0) throw err;
  }
  return name;
}

/**
 * Test databases left by workers (they end with the run, not one by one), of
 * the runs `whose` picks by process id: this run at its end, and at its start
 * those of runs that died before dropping theirs. Another run in progress on
 * the same server keeps its databases.
 */
async function dropTestDatabases(whose: (runPid: number) => boolean): Promise<void> {
  const left = await postgresAdmin<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'flowpilot\\_test\\_r%'",
  );
  for (const { datname } of left) {
    const pid = Number(/^flowpilot_test_r(\d+)_/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && whose(pid))
      await postgresAdmin(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}
