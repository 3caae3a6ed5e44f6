import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connect.ts";
import { createTestDatabase, DB_KINDS } from "../support/db.ts";

describe.each(DB_KINDS)("migrations on %s", (kind) => {
  it("applies every migration once, recorded the way Prisma records them", async () => {
    const t = await createTestDatabase(kind);
    try {
      const rows = await t.db.prisma.$queryRaw<
        Array<{ migration_name: string; checksum: string; finished_at: Date }>
      >`
        SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`;
      expect(rows.map((r) => r.migration_name).sort()).toEqual([
        "20261124000000_init",
        "20261124010000_api_tokens_psa_connections",
      ]);
      expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.finished_at).toBeInstanceOf(Date);
      expect(await t.db.prisma.session.count()).toBe(0);
    } finally {
      await t.cleanup();
    }
  });
});

describe("embedded PGlite folder", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("is created on first start and keeps data across restarts without re-migrating", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "flowpilot-")), "data");
    dirs.push(dataDir);
    const first = await openDatabase({ dataDir });
    await first.prisma.account.create({
      data: { platform: "console", externalId: "local", companyName: "Northstar IT" },
    });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      const account = await second.prisma.account.findFirstOrThrow();
      expect(account.companyName).toBe("Northstar IT");
      const migrations = await second.prisma.$queryRaw<
        Array<{ n: bigint }>
      >`SELECT count(*) AS n FROM "_prisma_migrations"`;
      expect(Number(migrations[0]!.n)).toBe(2);
    } finally {
      await second.close();
    }
  });
});
