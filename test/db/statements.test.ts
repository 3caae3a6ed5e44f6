import { describe, expect, it } from "vitest";
import { measureStatements } from "../../bench/db-statements.ts";

describe("database round trips per request (Prisma query events)", () => {
  it("an update costs a handful of statements: the session is read once, the update is not read back", async () => {
    const counts = Object.fromEntries(await measureStatements());
    // Before this change: 13, 14, 13, 23 and 8.
    expect(counts["a phrase naming audience and length (one event)"]).toBeLessThanOrEqual(7);
    expect(counts["Regenerate (one event)"]).toBeLessThanOrEqual(9);
    expect(counts["Switch Length (one event)"]).toBeLessThanOrEqual(8);
    expect(counts["Share Update, pick audience, pick length (three events)"]).toBeLessThanOrEqual(14);
    // 6, plus the session's size counters kept in the same transaction (its limits).
    expect(counts["a troubleshooting message (recorded, no update)"]).toBeLessThanOrEqual(7);
  });
});
