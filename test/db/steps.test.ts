import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { createSession } from "../../src/db/sessions.ts";
import { loadSessionSnapshot } from "../../src/db/snapshot.ts";
import {
  getStatusUpdate,
  listStatusUpdates,
  recordStatusUpdate,
  updateStatusUpdate,
} from "../../src/db/status-updates.ts";
import { appendMessage, appendStep, countMessages, getStep } from "../../src/db/steps.ts";
import type { StatusUpdateStepContent } from "../../src/sessions/steps.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

const at = (hhmm: string) => new Date(`2026-04-02T${hhmm}:00Z`);

const update = (overrides: Partial<StatusUpdateStepContent> = {}): StatusUpdateStepContent => ({
  audience: "client_update",
  length: "quick",
  context: "update",
  generated_content: "Hi Acme — we're on it.",
  session_status: "investigating",
  steps_completed: 1,
  time_spent_minutes: 5,
  generated_at: at("09:05").toISOString(),
  writer: "offline",
  message_count: 2,
  delivery: { psa_push_status: "not_posted" },
  ...overrides,
});

describe.each(DB_KINDS)("session steps and status updates on %s", (kind) => {
  let t: TestDatabase;
  let accountId: string;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
    accountId = (await getOrCreateAccount(t.db.prisma, { platform: "teams", externalId: "tenant-1" })).id;
  });
  afterAll(() => t?.cleanup());

  it("stores a redelivered platform message once, even when the deliveries race", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    const first = await appendMessage(t.db.prisma, s.id, {
      author: "engineer",
      text: "VPN down",
      platform_message_id: "m1",
    });
    const other = kind === "postgres" ? await t.openAnother() : t.db;
    const racing = await Promise.all([
      appendMessage(t.db.prisma, s.id, {
        author: "engineer",
        text: "cert expired",
        platform_message_id: "m2",
      }),
      appendMessage(other.prisma, s.id, {
        author: "engineer",
        text: "cert expired",
        platform_message_id: "m2",
      }),
    ]);
    const again = await appendMessage(t.db.prisma, s.id, {
      author: "engineer",
      text: "VPN down",
      platform_message_id: "m1",
    });
    await appendMessage(t.db.prisma, s.id, { author: "client", text: "thanks" });
    await appendMessage(t.db.prisma, s.id, { author: "client", text: "thanks" });
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(racing.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await countMessages(t.db.prisma, s.id)).toBe(4);
    expect(await getStep(t.db.prisma, first.id)).toMatchObject({
      stepType: "message",
      sessionId: s.id,
      content: { author: "engineer", text: "VPN down", platform_message_id: "m1" },
    });
  });

  it("validates step content against its step type and keeps lifecycle steps for setStatus", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    await expect(
      appendMessage(t.db.prisma, s.id, { author: "robot" as never, text: "x" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/author/),
    });
    await expect(
      appendStep(t.db.prisma, s.id, "update_reminder", {
        remind_at: "tomorrow",
        audience: "email_draft",
        status: "pending",
      }),
    ).rejects.toThrow(/update_reminder.*remind_at/);
    await expect(appendStep(t.db.prisma, s.id, "pause", {})).rejects.toThrow(/setStatus/);
    await expect(
      appendStep(t.db.prisma, "00000000-0000-4000-8000-000000000000", "message", {
        author: "client",
        text: "hi",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const step = await appendStep(
      t.db.prisma,
      s.id,
      "message",
      { author: "client", text: "hi" },
      { at: at("09:00") },
    );
    expect(step).toMatchObject({
      stepType: "message",
      createdAt: at("09:00"),
      content: { author: "client", text: "hi" },
    });
    expect(await getStep(t.db.prisma, step.id)).toEqual(step);
    expect(await getStep(t.db.prisma, "nope")).toBeNull();
  });

  it("keeps the update history oldest first, with edits and delivery patches merged", async () => {
    const s = await createSession(t.db.prisma, { accountId, startedAt: at("09:00") });
    await appendMessage(t.db.prisma, s.id, { author: "engineer", text: "VPN down" }, { at: at("09:01") });
    const firstId = await recordStatusUpdate(t.db.prisma, s.id, update(), { at: at("09:05") });
    const secondId = await recordStatusUpdate(
      t.db.prisma,
      s.id,
      update({
        audience: "ticket_notes",
        generated_content: "Notes",
        generated_at: at("09:20").toISOString(),
        message_count: 5,
      }),
      { at: at("09:20") },
    );
    await expect(
      recordStatusUpdate(t.db.prisma, s.id, { ...update(), audience: "tweet" as never }),
    ).rejects.toMatchObject({ code: "invalid_input" });

    const edited = await updateStatusUpdate(t.db.prisma, firstId, {
      final_content: "Hi Acme, the VPN is back.",
      delivery: { psa_push_status: "posted", psa_note_id: "77", psa_note_visibility: "external" },
    });
    expect(edited).toMatchObject({
      generated_content: "Hi Acme — we're on it.",
      final_content: "Hi Acme, the VPN is back.",
    });
    const copied = await updateStatusUpdate(t.db.prisma, firstId, {
      delivery: { copied_at: at("09:30").toISOString() },
      feedback: "up",
    });
    expect(copied.delivery).toEqual({
      psa_push_status: "posted",
      psa_note_id: "77",
      psa_note_visibility: "external",
      copied_at: at("09:30").toISOString(),
    });
    expect(copied.feedback).toBe("up");
    await expect(
      updateStatusUpdate(t.db.prisma, firstId, { delivery: { psa_push_status: "lost" as never } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(updateStatusUpdate(t.db.prisma, s.id, { feedback: "down" })).rejects.toMatchObject({
      code: "not_found",
    });

    const history = await listStatusUpdates(t.db.prisma, s.id);
    expect(history.map((u) => [u.id, u.audience, u.final_content ?? u.generated_content])).toEqual([
      [firstId, "client_update", "Hi Acme, the VPN is back."],
      [secondId, "ticket_notes", "Notes"],
    ]);
    expect(await getStatusUpdate(t.db.prisma, secondId, { sessionId: s.id })).toEqual(history[1]);
    const otherSession = await createSession(t.db.prisma, { accountId });
    expect(await getStatusUpdate(t.db.prisma, secondId, { sessionId: otherSession.id })).toBeNull();

    const snapshot = await loadSessionSnapshot(t.db.prisma, s.id, { now: at("10:00") });
    expect(snapshot.previousUpdates).toEqual([
      {
        id: firstId,
        audience: "client_update",
        length: "quick",
        context: "update",
        content: "Hi Acme, the VPN is back.",
        sessionStatus: "investigating",
        generatedAt: at("09:05"),
        messageCount: 2,
      },
      expect.objectContaining({ id: secondId, content: "Notes", messageCount: 5 }),
    ]);
  });

  it("keeps every field when several patches of one update race", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    const id = await recordStatusUpdate(t.db.prisma, s.id, update());
    const clients = kind === "postgres" ? [t.db, await t.openAnother(), await t.openAnother()] : [t.db];
    const pick = (i: number) => clients[i % clients.length]!.prisma;
    await Promise.all([
      updateStatusUpdate(pick(0), id, { delivery: { copied_at: at("09:30").toISOString() } }),
      updateStatusUpdate(pick(1), id, { feedback: "down" }),
      updateStatusUpdate(pick(2), id, { delivery: { psa_push_status: "posted", psa_note_id: "88" } }),
      updateStatusUpdate(pick(3), id, { final_content: "Edited" }),
      updateStatusUpdate(pick(4), id, { delivery: { reminder_step_id: "r1" } }),
    ]);
    const stored = await getStatusUpdate(t.db.prisma, id);
    expect(stored).toMatchObject({
      feedback: "down",
      final_content: "Edited",
      delivery: {
        copied_at: at("09:30").toISOString(),
        psa_push_status: "posted",
        psa_note_id: "88",
        reminder_step_id: "r1",
      },
    });
  });
});
