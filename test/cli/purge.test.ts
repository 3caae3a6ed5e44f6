import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.ts";
import { seedAgedSessions } from "../support/aged-sessions.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { runCli } from "../support/run-cli.ts";

describe("flowpilot purge", () => {
  let env: Record<string, string>;
  let seeded: Awaited<ReturnType<typeof seedAgedSessions>>;
  beforeAll(async () => {
    env = { FLOWPILOT_DATA_DIR: await freshDataDir() };
    const db = await openDatabase({ dataDir: env.FLOWPILOT_DATA_DIR! });
    try {
      seeded = await seedAgedSessions(db.prisma);
    } finally {
      await db.close();
    }
  });

  const sessionsLeft = async () => {
    const db = await openDatabase({ dataDir: env.FLOWPILOT_DATA_DIR! });
    try {
      return (await db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id).sort();
    } finally {
      await db.close();
    }
  };

  it("--dry-run prints the counts and deletes nothing; without it the old closed sessions go", async () => {
    const dry = await runCli(["purge", "--older-than", "90d", "--dry-run"], { env });
    expect(dry).toMatchObject({ code: 0, stderr: "" });
    expect(dry.stdout).toBe(
      "Would delete 2 session(s) closed more than 90 day(s) ago: 4 message(s), 1 update(s), 1 reminder(s), 10 timeline step(s) in all (dry run: nothing deleted).\n",
    );
    expect(await sessionsLeft()).toHaveLength(4);

    const real = await runCli(["purge", "--older-than", "90"], { env });
    expect(real).toMatchObject({ code: 0, stderr: "" });
    expect(real.stdout).toBe(
      "Deleted 2 session(s) closed more than 90 day(s) ago: 4 message(s), 1 update(s), 1 reminder(s), 10 timeline step(s) in all.\n",
    );
    expect(await sessionsLeft()).toEqual([seeded.recentResolved, seeded.longOpen].sort());
  });

  it("names a bad or missing --older-than in one line with exit code 2", async () => {
    for (const bad of ["0", "soon", "-5", "1.5d"]) {
      const run = await runCli(["purge", "--older-than", bad], { env });
      expect(run.code, bad).toBe(2);
      expect(run.stderr.trim(), bad).toBe(
        `flowpilot: --older-than takes a number of days (at least 1), such as 90 or 90d; got "${bad}"`,
      );
    }
    const missing = await runCli(["purge"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--older-than/);
    expect(await sessionsLeft()).toHaveLength(2);
  });

  it("the server refuses a bad FLOWPILOT_RETENTION_DAYS with one line naming it", async () => {
    for (const [value, problem] of [
      ["ninety", "must be a number of days, such as 90"],
      ["0", "must be at least 1 day"],
      ["2.5", "must be a whole number of days"],
    ]) {
      const run = await runCli(["serve"], { env: { ...env, FLOWPILOT_RETENTION_DAYS: value! } });
      expect(run.code, value).toBe(2);
      expect(run.stderr.trim(), value).toBe(
        `flowpilot: invalid setting FLOWPILOT_RETENTION_DAYS: ${problem}`,
      );
    }
  });
});
