import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import {
  cancelPendingReminders,
  claimDueReminders,
  createReminder,
  listPendingReminders,
  markReminderFired,
  retryReminder,
} from "../../src/db/reminders.ts";
import { createSession, setStatus } from "../../src/db/sessions.ts";
import { getStep } from "../../src/db/steps.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

const at = (hhmm: string) => new Date(`2026-04-02T${hhmm}:00Z`);

describe.each(DB_KINDS)("reminders on %s", (kind) => {
  let t: TestDatabase;
  let slackAccount: string;
  let teamsAccount: string;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
    slackAccount = (await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T1" })).id;
    teamsAccount = (await getOrCreateAccount(t.db.prisma, { platform: "teams", externalId: "tenant" })).id;
  });
  afterAll(() => t?.cleanup());

  it("creates pending reminders, validates them, and refuses them on a closed session", async () => {
    const s = await createSession(t.db.prisma, { accountId: slackAccount });
    const r = await createReminder(t.db.prisma, s.id, {
      remind_at: at("10:00"),
      audience: "client_update",
      update_step_id: "u1",
      requested_by: "Sam",
    });
    expect(r).toEqual({
      id: expect.any(String),
      sessionId: s.id,
      remind_at: at("10:00").toISOString(),
      audience: "client_update",
      status: "pending",
      update_step_id: "u1",
      requested_by: "Sam",
    });
    expect(await getStep(t.db.prisma, r.id)).toMatchObject({
      stepType: "update_reminder",
      content: { status: "pending" },
    });
    await expect(
      createReminder(t.db.prisma, s.id, { remind_at: "in an hour", audience: "client_update" }),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(/remind_at/) });
    await setStatus(t.db.prisma, s.id, "resolved", { summary: "Fixed" });
    await expect(
      createReminder(t.db.prisma, s.id, { remind_at: at("11:00"), audience: "client_update" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("cancels a session's pending reminders on resolve and never fires them", async () => {
    const s1 = await createSession(t.db.prisma, { accountId: slackAccount });
    const s2 = await createSession(t.db.prisma, { accountId: slackAccount });
    await createReminder(t.db.prisma, s1.id, { remind_at: at("10:00"), audience: "client_update" });
    await createReminder(t.db.prisma, s1.id, { remind_at: at("10:30"), audience: "email_draft" });
    const kept = await createReminder(t.db.prisma, s2.id, {
      remind_at: at("10:00"),
      audience: "ticket_notes",
    });

    await setStatus(t.db.prisma, s1.id, "resolved", { summary: "Renewed the certificate" });
    expect(await cancelPendingReminders(t.db.prisma, s1.id, "session resolved")).toBe(2);
    expect(await cancelPendingReminders(t.db.prisma, s1.id, "session resolved")).toBe(0);
    expect(await listPendingReminders(t.db.prisma, s1.id)).toEqual([]);
    const cancelled = await t.db.prisma.sessionStep.findMany({
      where: { sessionId: s1.id, stepType: "update_reminder" },
    });
    expect(cancelled.map((c) => c.content)).toEqual([
      expect.objectContaining({ status: "cancelled", cancelled_reason: "session resolved" }),
      expect.objectContaining({ status: "cancelled", cancelled_reason: "session resolved" }),
    ]);

    const claimed = await claimDueReminders(t.db.prisma, at("11:00"), 10);
    expect(claimed.map((c) => c.id)).toEqual([kept.id]);
    await markReminderFired(t.db.prisma, kept.id, at("11:00"));
  });

  it("claims due reminders once, oldest due first, with their session, per platform", async () => {
    const slack = await createSession(t.db.prisma, {
      accountId: slackAccount,
      ticketId: "T-100",
      conversationId: "C1",
    });
    const teams = await createSession(t.db.prisma, { accountId: teamsAccount, ticketId: "T-200" });
    const late = await createReminder(t.db.prisma, slack.id, {
      remind_at: at("12:10"),
      audience: "client_update",
    });
    const early = await createReminder(t.db.prisma, slack.id, {
      remind_at: at("12:05"),
      audience: "email_draft",
    });
    await createReminder(t.db.prisma, slack.id, { remind_at: at("13:00"), audience: "client_update" });
    const teamsDue = await createReminder(t.db.prisma, teams.id, {
      remind_at: at("12:00"),
      audience: "client_update",
    });

    expect(await claimDueReminders(t.db.prisma, at("12:20"), 10, { platform: "console" })).toEqual([]);
    const slackClaim = await claimDueReminders(t.db.prisma, at("12:20"), 10, { platform: "slack" });
    expect(slackClaim.map((c) => c.id)).toEqual([early.id, late.id]);
    // Claimed with a lease and one attempt; still pending until shown.
    expect(slackClaim[0]).toMatchObject({
      status: "pending",
      claimed_until: at("12:22").toISOString(),
      attempts: 1,
      session: { id: slack.id, ticketId: "T-100", conversationId: "C1", platform: "slack" },
    });
    expect(await claimDueReminders(t.db.prisma, at("12:20"), 10, { platform: "slack" })).toEqual([]);
    for (const c of slackClaim) await markReminderFired(t.db.prisma, c.id, at("12:20"));
    const teamsClaim = await claimDueReminders(t.db.prisma, at("12:20"), 10);
    expect(teamsClaim.map((c) => c.id)).toEqual([teamsDue.id]);
    await markReminderFired(t.db.prisma, teamsDue.id, at("12:20"));
    expect((await listPendingReminders(t.db.prisma, slack.id)).map((r) => r.remind_at)).toEqual([
      at("13:00").toISOString(),
    ]);
    expect((await getStep(t.db.prisma, early.id))?.content).toMatchObject({
      status: "fired",
      fired_at: at("12:20").toISOString(),
    });
    expect(await claimDueReminders(t.db.prisma, at("13:00"), 0)).toEqual([]);
    expect((await claimDueReminders(t.db.prisma, at("13:00"), 1)).length).toBe(1);
  });

  it("a reminder whose process died mid-delivery is claimed again once its lease expires; a failed one waits for its retry", async () => {
    const s = await createSession(t.db.prisma, { accountId: teamsAccount, conversationId: "19:thread" });
    const r = await createReminder(t.db.prisma, s.id, { remind_at: at("16:00"), audience: "client_update" });
    expect(
      (await claimDueReminders(t.db.prisma, at("16:01"), 5, { platform: "teams" })).map((c) => c.id),
    ).toEqual([r.id]);
    // The process died: nothing is marked. Within the lease nobody else takes it; after it, it is delivered again.
    expect(await claimDueReminders(t.db.prisma, at("16:02"), 5, { platform: "teams" })).toEqual([]);
    const again = await claimDueReminders(t.db.prisma, at("16:03"), 5, { platform: "teams" });
    expect(again).toMatchObject([{ id: r.id, attempts: 2 }]);
    // This time the post failed: retried from 16:05, not before.
    await retryReminder(t.db.prisma, r.id, at("16:05"), "Slack answered 503");
    expect(await claimDueReminders(t.db.prisma, at("16:04"), 5, { platform: "teams" })).toEqual([]);
    const third = await claimDueReminders(t.db.prisma, at("16:05"), 5, { platform: "teams" });
    expect(third).toMatchObject([{ id: r.id, attempts: 3, last_error: "Slack answered 503" }]);
    await markReminderFired(t.db.prisma, r.id, at("16:05"));
    expect(await claimDueReminders(t.db.prisma, at("18:00"), 5, { platform: "teams" })).toEqual([]);
  });

  it("fires each of 50 due reminders exactly once when several clients race", async () => {
    const s = await createSession(t.db.prisma, { accountId: teamsAccount });
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++)
      ids.add(
        (await createReminder(t.db.prisma, s.id, { remind_at: at("15:00"), audience: "client_update" })).id,
      );
    // Independent PrismaClients with their own connection pools on PostgreSQL; on PGlite, concurrent callers of one.
    const clients = kind === "postgres" ? await Promise.all([1, 2, 3, 4].map(() => t.openAnother())) : [];
    const workers = [t.db, ...clients, t.db, t.db].map((d) => d.prisma);
    const perWorker = await Promise.all(
      workers.map(async (prisma) => {
        const got: string[] = [];
        for (let round = 0; round < 20; round++) {
          const batch = await claimDueReminders(prisma, at("15:01"), 3, { platform: "teams" });
          for (const r of batch) await markReminderFired(prisma, r.id, at("15:01"));
          got.push(...batch.map((r) => r.id));
        }
        return got;
      }),
    );
    const all = perWorker.flat();
    expect(all.length).toBe(50);
    expect(new Set(all)).toEqual(ids);
    if (kind === "postgres") expect(perWorker.filter((got) => got.length > 0).length).toBeGreaterThan(1);
    const fired = await t.db.prisma.sessionStep.findMany({
      where: { sessionId: s.id, stepType: "update_reminder" },
    });
    expect(fired.every((f) => (f.content as { status: string }).status === "fired")).toBe(true);
  });
});
