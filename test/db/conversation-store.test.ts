import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaConversationStore } from "../../src/db/conversation-store.ts";
import type { ConversationStore } from "../../src/sessions/ports/index.ts";
import type { StatusUpdateStepContent } from "../../src/sessions/steps.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

const actor = { platformUserId: "U1", displayName: "Sam Okafor", isAdmin: true };
const place = { conversationId: "C1", threadId: "T1" };

const update = (overrides: Partial<StatusUpdateStepContent> = {}): StatusUpdateStepContent => ({
  audience: "client_update",
  length: "quick",
  context: "update",
  generated_content: "Hi Acme — we're on it.",
  session_status: "investigating",
  steps_completed: 1,
  time_spent_minutes: 5,
  generated_at: new Date("2026-04-02T09:05:00Z").toISOString(),
  writer: "offline",
  message_count: 2,
  delivery: { psa_push_status: "not_posted" },
  ...overrides,
});

describe.each(DB_KINDS)("conversation store on %s", (kind) => {
  let t: TestDatabase;
  let store: ConversationStore;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
    store = createPrismaConversationStore(t.db.prisma);
  });
  afterAll(() => t?.cleanup());

  it("creates accounts once per platform workspace, with default templates", async () => {
    const a1 = await store.ensureAccount({ platform: "slack", externalId: "T0001", name: "Northstar" });
    const a2 = await store.ensureAccount({ platform: "slack", externalId: "T0001" });
    expect(a2.id).toBe(a1.id);
    expect(a1.templates).toEqual({
      client_tone: "professional",
      client_signoff: "auto",
      include_company_in_signoff: true,
      ticket_notes_format: "markdown",
      default_length: "detailed",
    });
    await store.updateTemplates(a1.id, { ...a1.templates, client_tone: "friendly" });
    expect(
      (await store.ensureAccount({ platform: "slack", externalId: "T0001" })).templates.client_tone,
    ).toBe("friendly");
    await expect(
      store.updateTemplates(a1.id, { ...a1.templates, client_tone: "sarcastic" as never }),
    ).rejects.toThrow(/client_tone/);
  });

  it("keeps one account's sessions invisible to another", async () => {
    const mine = await store.ensureAccount({ platform: "slack", externalId: "T-MINE" });
    const theirs = await store.ensureAccount({ platform: "slack", externalId: "T-THEIRS" });
    const user = await store.ensureUser(mine.id, actor);
    const session = await store.createSession({
      accountId: mine.id,
      engineerId: user.id,
      ticketId: "TKT-1",
      thread: { ...place, account: { platform: "slack", externalId: "T-MINE" } },
    });
    expect((await store.getSession(mine.id, session.id))?.ticketId).toBe("TKT-1");
    expect(await store.getSession(theirs.id, session.id)).toBeNull();
    expect(await store.findOpenSession(theirs.id, place)).toBeNull();
    expect(await store.getSession(mine.id, "not-a-uuid")).toBeNull();
  });

  it("records messages once per platform id, pauses and updates, and loads them as a snapshot", async () => {
    const account = await store.ensureAccount({ platform: "teams", externalId: "tenant-1" });
    const user = await store.ensureUser(account.id, actor);
    const session = await store.createSession({
      accountId: account.id,
      engineerId: user.id,
      ticketId: "51234",
      thread: { ...place, account: { platform: "teams", externalId: "tenant-1" } },
    });
    await store.appendMessages(session.id, [
      { author: "engineer", text: "VPN down for all", platformMessageId: "m1" },
    ]);
    await store.appendMessages(session.id, [
      { author: "engineer", text: "VPN down for all", platformMessageId: "m1" },
      { author: "engineer", text: "cert expired", platformMessageId: "m2" },
    ]);
    expect(await store.countMessages(session.id)).toBe(2);
    await store.pauseSession(session.id, "lunch");
    expect((await store.findOpenSession(account.id, place))?.status).toBe("paused");
    await store.resumeSession(session.id);
    const { id } = await store.recordUpdate(session.id, update());
    const snapshot = await store.loadSnapshot(session.id, new Date());
    expect(snapshot.messages.map((m) => m.text)).toEqual(["VPN down for all", "cert expired"]);
    expect(snapshot.pauses).toHaveLength(1);
    expect(snapshot.pauses[0]!.to).not.toBeNull();
    expect(snapshot.engineer.name).toBe("Sam Okafor");
    expect(snapshot.previousUpdates.map((u) => u.id)).toEqual([id]);

    const edited = await store.patchUpdate(id, {
      final_content: "Edited text",
      delivery: { psa_push_status: "posted", psa_note_id: "77" },
    });
    expect(edited.generated_content).toBe("Hi Acme — we're on it.");
    expect(edited.final_content).toBe("Edited text");
    const copied = await store.patchUpdate(id, {
      delivery: { ...edited.delivery, copied_at: new Date().toISOString() },
    });
    expect(copied.delivery).toMatchObject({ psa_push_status: "posted", psa_note_id: "77" });
    expect((await store.listUpdates(session.id)).map((u) => u.final_content)).toEqual(["Edited text"]);
  });

  it("reports the message count each batch's own transaction left, also for batches racing from two clients", async () => {
    const account = await store.ensureAccount({ platform: "teams", externalId: "tenant-1" });
    const user = await store.ensureUser(account.id, actor);
    const session = await store.createSession({
      accountId: account.id,
      engineerId: user.id,
      ticketId: "4711",
    });
    // PostgreSQL: half the batches through a second client (its own pool), as a second process would.
    const other = kind === "postgres" ? createPrismaConversationStore((await t.openAnother()).prisma) : store;
    const batch = (n: number) =>
      Array.from({ length: 3 }, (_, i) => ({ author: "engineer" as const, text: `batch ${n} line ${i}` }));
    const reported = await Promise.all(
      Array.from({ length: 10 }, (_, n) => (n % 2 ? other : store).appendMessages(session.id, batch(n))),
    );
    expect(reported.map((r) => r.messageCount).sort((a, b) => a - b)).toEqual([
      3, 6, 9, 12, 15, 18, 21, 24, 27, 30,
    ]);
    expect(await store.countMessages(session.id)).toBe(30);
    // A redelivered message adds nothing, and says so.
    expect(
      (
        await store.appendMessages(session.id, [
          { author: "engineer", text: "again", platformMessageId: "p1" },
        ])
      ).messageCount,
    ).toBe(31);
    expect(
      (
        await store.appendMessages(session.id, [
          { author: "engineer", text: "again", platformMessageId: "p1" },
        ])
      ).messageCount,
    ).toBe(31);
  });

  it("cancels pending reminders on resolve and claims due ones once", async () => {
    const account = await store.ensureAccount({ platform: "console", externalId: "local" });
    const user = await store.ensureUser(account.id, actor);
    const s1 = await store.createSession({
      accountId: account.id,
      engineerId: user.id,
      thread: { conversationId: "A", account: { platform: "console", externalId: "local" } },
    });
    const s2 = await store.createSession({
      accountId: account.id,
      engineerId: user.id,
      thread: { conversationId: "B", account: { platform: "console", externalId: "local" } },
    });
    const due = new Date("2026-04-02T10:00:00Z");
    await store.createReminder(s1.id, { remindAt: due, audience: "client_update" });
    await store.createReminder(s2.id, { remindAt: due, audience: "email_draft" });
    await store.createReminder(s2.id, {
      remindAt: new Date("2026-04-02T12:00:00Z"),
      audience: "client_update",
    });

    await store.resolveSession(s1.id, "Renewed the certificate");
    expect(await store.cancelPendingReminders(s1.id, "session resolved")).toBe(1);
    expect(await store.listPendingReminders(s1.id)).toEqual([]);

    const claimed = await store.claimDueReminders(new Date("2026-04-02T10:01:00Z"), 10, "console");
    expect(claimed.map((r) => [r.session.id, r.audience, r.status])).toEqual([
      [s2.id, "email_draft", "pending"],
    ]);
    expect(await store.claimDueReminders(new Date("2026-04-02T10:01:00Z"), 10, "console")).toEqual([]);
    await store.markReminderFired(claimed[0]!.id, new Date("2026-04-02T10:01:00Z"));
    expect(await store.claimDueReminders(new Date("2026-04-02T13:00:00Z"), 10, "slack")).toEqual([]);
    expect((await store.listPendingReminders(s2.id)).map((r) => r.audience)).toEqual(["client_update"]);
    expect(await store.claimDueReminders(new Date("2026-04-02T10:30:00Z"), 10, "console")).toEqual([]);
  });
});
