import { randomUUID } from "node:crypto";
import cron from "node-cron";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { RETENTION_SCHEDULE, scheduleRetentionJob } from "../../src/app/retention-job.ts";
import { startServer } from "../../src/app/start-server.ts";
import { purgeClosedSessions } from "../../src/db/purge.ts";
import { seedAgedSessions } from "../support/aged-sessions.ts";
import {
  DB_KINDS,
  describeWithPostgres,
  emptiedTestDatabase,
  type TestDatabase,
  withTestDatabase,
} from "../support/db.ts";

describe.each(DB_KINDS)("purging closed sessions on %s", (kind) => {
  let t: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedAgedSessions>>;
  beforeEach(async () => {
    t = await emptiedTestDatabase(kind);
    seeded = await seedAgedSessions(t.db.prisma);
  });
  afterAll(() => t?.cleanup());

  const remaining = async () =>
    (await t.db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id).sort();
  const stepsOf = (sessionId: string) => t.db.prisma.sessionStep.count({ where: { sessionId } });

  it("a dry run counts what would go and deletes nothing", async () => {
    const before = await t.db.prisma.sessionStep.count();
    const counts = await purgeClosedSessions(t.db.prisma, { olderThanDays: 90, dryRun: true });
    // Resolved: 3 messages, pause, resume, update, reminder, resolution; escalated: message, escalation.
    expect(counts).toEqual({ sessions: 2, messages: 4, updates: 1, reminders: 1, steps: 10 });
    expect(await remaining()).toHaveLength(4);
    expect(await t.db.prisma.sessionStep.count()).toBe(before);
  });

  it("deletes sessions closed longer ago than N days with their whole timeline; open and recent ones stay", async () => {
    const counts = await purgeClosedSessions(t.db.prisma, { olderThanDays: 90 });
    expect(counts).toEqual({ sessions: 2, messages: 4, updates: 1, reminders: 1, steps: 10 });
    expect(await remaining()).toEqual([seeded.recentResolved, seeded.longOpen].sort());
    expect(await stepsOf(seeded.oldResolved)).toBe(0);
    expect(await stepsOf(seeded.oldEscalated)).toBe(0);
    expect(await stepsOf(seeded.recentResolved)).toBe(2);
    // Nothing left to delete: a second run finds none.
    expect((await purgeClosedSessions(t.db.prisma, { olderThanDays: 90 })).sessions).toBe(0);
    // A shorter retention reaches the one resolved 10 days ago, never the open one.
    expect((await purgeClosedSessions(t.db.prisma, { olderThanDays: 7 })).sessions).toBe(1);
    expect(await remaining()).toEqual([seeded.longOpen]);
  });

  it("purges more old sessions than one batch holds, with exact counts, leaving the recent and open ones", async () => {
    const accountId = (await t.db.prisma.account.findFirstOrThrow()).id;
    const longAgo = new Date(Date.now() - 120 * 24 * 60 * 60_000);
    const ids = Array.from({ length: 230 }, () => randomUUID());
    await t.db.prisma.session.createMany({
      data: ids.map((id, i) => ({
        id,
        accountId,
        ticketId: `BULK-${i}`,
        status: "resolved" as const,
        startedAt: longAgo,
        endedAt: longAgo,
        messageCount: 1,
      })),
    });
    await t.db.prisma.sessionStep.createMany({
      data: ids.map((sessionId) => ({
        sessionId,
        stepType: "message" as const,
        content: { author: "engineer", text: "printer offline" },
        createdAt: longAgo,
      })),
    });
    const counts = await purgeClosedSessions(t.db.prisma, { olderThanDays: 90 });
    expect(counts).toEqual({ sessions: 232, messages: 234, updates: 1, reminders: 1, steps: 240 });
    expect(await remaining()).toEqual([seeded.recentResolved, seeded.longOpen].sort());
  });

  it("the daily retention job purges with the configured days and logs what it deleted", async () => {
    const logs: Array<{ obj: object; msg?: string }> = [];
    const logger = { info: (obj: object, msg?: string) => logs.push({ obj, msg }), error: () => undefined };
    const job = scheduleRetentionJob(t.db.prisma, 90, logger);
    try {
      expect(job.name).toBe("retention");
      expect(job.getPattern()).toBe(RETENTION_SCHEDULE);
      // Next run within a day: it is a daily job.
      expect(job.msToNext()!).toBeLessThanOrEqual(24 * 60 * 60_000);
      await job.execute();
    } finally {
      await job.destroy();
    }
    expect(await remaining()).toEqual([seeded.recentResolved, seeded.longOpen].sort());
    expect(logs).toEqual([
      {
        obj: {
          job: "retention",
          olderThanDays: 90,
          deleted: { sessions: 2, messages: 4, updates: 1, reminders: 1, steps: 10 },
        },
        msg: "retention purge",
      },
    ]);
  });
});

describeWithPostgres("the server with FLOWPILOT_RETENTION_DAYS", () => {
  it("runs the named daily retention job on its database; without the setting there is none", async () => {
    const t = await withTestDatabase("postgres");
    const env = {
      DATABASE_URL: t.url!,
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      LOG_LEVEL: "silent",
    };
    // Jobs of stopped servers stay listed, stopped.
    const retentionTasks = () =>
      [...cron.getTasks().values()].filter(
        (task) => task.name === "retention" && !["stopped", "destroyed"].includes(task.getStatus()),
      );
    try {
      const seeded = await seedAgedSessions(t.db.prisma);
      const plain = await startServer(loadConfig(env), { reminderJob: false });
      try {
        expect(retentionTasks()).toEqual([]);
      } finally {
        await plain.stop();
      }
      const server = await startServer(loadConfig({ ...env, FLOWPILOT_RETENTION_DAYS: "30" }), {
        reminderJob: false,
      });
      try {
        const tasks = retentionTasks();
        expect(tasks).toHaveLength(1);
        await tasks[0]!.execute();
      } finally {
        await server.stop();
      }
      const left = (await t.db.prisma.session.findMany({ select: { id: true } })).map((s) => s.id).sort();
      expect(left).toEqual([seeded.recentResolved, seeded.longOpen].sort());
    } finally {
      await t.cleanup();
    }
  });
});
