import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, withTestDatabase } from "../support/db.ts";
import { backToBack, logTurnsDuring } from "../support/loop-turns.ts";

/**
 * Embedded PGlite runs statements inside this process: concurrent requests'
 * statements must not run back to back in one turn of the event loop, or
 * every other request, timer and socket waits for all of them.
 */
describe("statements on embedded PGlite take turns with other work", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await withTestDatabase("pglite");
  });
  afterAll(() => t?.cleanup());

  it("runs concurrent statements one turn each", async () => {
    const log = await logTurnsDuring((log) =>
      Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = 0; i < 5; i++) {
            await t.db.prisma.$queryRaw`SELECT count(*) FROM generate_series(1, 2000)`;
            log.push("statement");
          }
        }),
      ),
    );
    expect(log.filter((e) => e === "statement")).toHaveLength(40);
    expect(backToBack(log)).toEqual([]);
  });

  it("lets other work run between the statements of a transaction, which still commits or rolls back whole", async () => {
    await t.db.prisma.$executeRaw`CREATE TABLE IF NOT EXISTS turn_probe (n int)`;
    const log = await logTurnsDuring((log) =>
      t.db.prisma.$transaction(async (tx) => {
        for (let n = 0; n < 10; n++) {
          await tx.$executeRaw`INSERT INTO turn_probe VALUES (${n})`;
          log.push("statement");
        }
      }),
    );
    expect(backToBack(log)).toEqual([]);
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO turn_probe VALUES (99)`;
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const rows = await t.db.prisma.$queryRaw<{ n: number }[]>`SELECT n FROM turn_probe ORDER BY n`;
    expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
