import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { createSession } from "../../src/db/sessions.ts";
import { loadSessionSnapshot } from "../../src/db/snapshot.ts";
import { recordStatusUpdate } from "../../src/db/status-updates.ts";
import { appendMessages, pauseSession, resumeSession } from "../../src/db/steps.ts";
import type { SessionSnapshot } from "../../src/engine/types.ts";
import type { StatusUpdateStepContent } from "../../src/sessions/steps.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";
import { logTurnsDuring, turnsIn } from "../support/loop-turns.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 3, 2, 9, minute));

const update: StatusUpdateStepContent = {
  audience: "ticket_notes",
  length: "quick",
  context: "update",
  generated_content: "Checked the VPN gateway.",
  session_status: "investigating",
  steps_completed: 1,
  time_spent_minutes: 5,
  generated_at: at(20).toISOString(),
  writer: "offline",
  message_count: 40,
  delivery: { psa_push_status: "not_posted" },
};

/** Long enough that a page holds a handful of messages: the session is read in many queries. */
const LONG = "VPN log: tunnel renegotiated after DPD timeout on the branch gateway. ".repeat(350);

describe.each(DB_KINDS)("reading a long session in pages on %s", (kind) => {
  let t: TestDatabase;
  let accountId: string;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
    accountId = (await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-PAGES" })).id;
  });
  afterAll(() => t?.cleanup());

  it("keeps every step in order across pages, with same-instant batches, pauses and updates, and lets other work run between pages", async () => {
    const s = await createSession(t.db.prisma, { accountId, startedAt: at(0) });
    const texts: string[] = [];
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const text = `#${from + i} ${LONG}`;
        texts.push(text);
        return { author: "engineer" as const, text };
      });
    // 40 messages written at one instant: pages must split ties by their order of writing.
    await appendMessages(t.db.prisma, s.id, batch(0, 40), { at: at(10) });
    await recordStatusUpdate(t.db.prisma, s.id, update, { at: at(20) });
    await pauseSession(t.db.prisma, s.id, { at: at(30) });
    await resumeSession(t.db.prisma, s.id, { at: at(40) });
    for (let minute = 41; minute < 101; minute++)
      await appendMessages(t.db.prisma, s.id, batch(texts.length, 1), { at: at(minute) });

    let snapshot!: SessionSnapshot;
    const log = await logTurnsDuring(async () => {
      snapshot = await loadSessionSnapshot(t.db.prisma, s.id, { now: at(120) });
    });

    expect(snapshot.messages.map((m) => m.text)).toEqual(texts);
    expect(snapshot.messages.slice(0, 40).every((m) => m.at.getTime() === at(10).getTime())).toBe(true);
    expect(snapshot.pauses).toEqual([{ from: at(30), to: at(40) }]);
    expect(snapshot.previousUpdates).toMatchObject([{ content: update.generated_content, messageCount: 40 }]);
    // 100 messages of ~25,000 characters: several pages, and other work got turns between them.
    expect(turnsIn(log)).toBeGreaterThan(5);
  });
});
