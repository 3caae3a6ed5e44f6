import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open.ts";
import { DB_KINDS, describeWithPostgres, withTestDatabase } from "../support/db.ts";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const MIGRATIONS_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
                          FROM "_prisma_migrations" ORDER BY migration_name`;

/** What Prisma itself would record: folder name and sha256 hex of migration.sql, per folder. */
async function expectedMigrations() {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      migration_name: name,
      checksum: createHash("sha256")
        .update(await readFile(join(MIGRATIONS_DIR, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

const tmpDirs: string[] = [];
async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

/** A copy of the real migrations plus one more, to test what happens when a new one arrives. */
async function migrationsWithExtra(name: string, sql: string) {
  const dir = await tempDir("flowpilot-migrations-");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, "migration.sql"), sql);
  return dir;
}

describe.each(DB_KINDS)("migrations on %s", (kind) => {
  it("applies every migration on a fresh database, recorded as Prisma records them", async () => {
    const t = await withTestDatabase(kind);
    try {
      const rows = await t.db.prisma.$queryRawUnsafe<MigrationRow[]>(MIGRATIONS_SQL);
      expect(rows.map((r) => ({ migration_name: r.migration_name, checksum: r.checksum }))).toEqual(
        await expectedMigrations(),
      );
      for (const r of rows) {
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.rolled_back_at).toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
      expect(await t.db.prisma.session.count()).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it("applies a new migration on re-open, and names a failing one after rolling it back", async () => {
    // PGlite is re-opened from a folder; PostgreSQL from a second Database on the same throw-away database.
    const t = kind === "postgres" ? await withTestDatabase(kind) : undefined;
    const target =
      kind === "postgres"
        ? { databaseUrl: t!.url, dataDir: "" }
        : { dataDir: join(await tempDir("flowpilot-data-"), "data") };
    await t?.db.close();
    try {
      const good = await migrationsWithExtra(
        "29990101000000_add_notes",
        `CREATE TABLE "notes" ("id" TEXT PRIMARY KEY);`,
      );
      await (await openDatabase({ ...target, migrationsDir: good })).close();
      const bad = await migrationsWithExtra(
        "29990101000000_broken",
        `CREATE TABLE "half_done" ("id" TEXT);\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;`,
      );
      const failure = await openDatabase({ ...target, migrationsDir: bad }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as MigrationError).migration).toBe("29990101000000_broken");
      expect((failure as MigrationError).message).toMatch(/29990101000000_broken.*no_such_table/);

      const db = await openDatabase({ ...target, migrationsDir: good });
      try {
        const names = (await db.prisma.$queryRawUnsafe<MigrationRow[]>(MIGRATIONS_SQL)).map(
          (r) => r.migration_name,
        );
        expect(names).toContain("29990101000000_add_notes");
        expect(names).not.toContain("29990101000000_broken");
        const tables = await db.prisma.$queryRaw<Array<{ n: bigint }>>`
          SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'`;
        expect(Number(tables[0]!.n)).toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await t?.cleanup();
    }
  });
});

describeWithPostgres("migrations on PostgreSQL with several processes starting at once", () => {
  it("migrates once while the others wait for Prisma's advisory lock", async () => {
    const t = await withTestDatabase("postgres");
    try {
      // Back to an empty database, then 5 processes' worth of openDatabase at once.
      await t.db.prisma.$executeRawUnsafe("DROP SCHEMA public CASCADE");
      await t.db.prisma.$executeRawUnsafe("CREATE SCHEMA public");
      const opened = await Promise.all(Array.from({ length: 5 }, () => t.openAnother()));
      const rows = await opened[0]!.prisma.$queryRawUnsafe<MigrationRow[]>(MIGRATIONS_SQL);
      expect(rows.map((r) => ({ migration_name: r.migration_name, checksum: r.checksum }))).toEqual(
        await expectedMigrations(),
      );
    } finally {
      await t.cleanup();
    }
  });
});

describe("embedded PGlite folder", () => {
  it("is created on first start and keeps data across close and re-open without re-migrating", async () => {
    const dataDir = join(await tempDir("flowpilot-data-"), "data");
    const first = await openDatabase({ dataDir });
    await first.prisma.account.create({
      data: { platform: "console", externalId: "local", companyName: "Northstar IT" },
    });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      const account = await second.prisma.account.findFirstOrThrow();
      expect(account.companyName).toBe("Northstar IT");
      const rows = await second.prisma.$queryRawUnsafe<MigrationRow[]>(MIGRATIONS_SQL);
      expect(rows.map((r) => ({ migration_name: r.migration_name, checksum: r.checksum }))).toEqual(
        await expectedMigrations(),
      );
    } finally {
      await second.close();
    }
  });

  it("refuses a second open of the same folder while the first is open, with a clear message", async () => {
    const dataDir = join(await tempDir("flowpilot-data-"), "data");
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process \d+.*DATABASE_URL/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it("applies a migration added after the folder was created, on the next start", async () => {
    const dataDir = join(await tempDir("flowpilot-data-"), "data");
    await (await openDatabase({ dataDir })).close();
    const dir = await migrationsWithExtra(
      "29990101000000_add_notes",
      `CREATE TABLE "notes" ("id" TEXT PRIMARY KEY);`,
    );
    const db = await openDatabase({ dataDir, migrationsDir: dir });
    try {
      await db.prisma.$executeRawUnsafe(`INSERT INTO "notes" ("id") VALUES ('n1')`);
      const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(MIGRATIONS_SQL);
      expect(rows.at(-1)!.migration_name).toBe("29990101000000_add_notes");
    } finally {
      await db.close();
    }
  });
});
