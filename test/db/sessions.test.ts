import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import {
  createSession,
  findActiveSessionByConversation,
  findLatestSessionByConversation,
  getSession,
  listSessions,
  setStatus,
} from "../../src/db/sessions.ts";
import { loadSessionSnapshot } from "../../src/db/snapshot.ts";
import { getStep, pauseSession, resumeSession } from "../../src/db/steps.ts";
import { upsertUser } from "../../src/db/users.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

const at = (hhmm: string) => new Date(`2026-04-02T${hhmm}:00Z`);

describe.each(DB_KINDS)("sessions on %s", (kind) => {
  let t: TestDatabase;
  let accountId: string;
  let otherAccountId: string;
  let engineerId: string;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
    accountId = (await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-MINE" })).id;
    otherAccountId = (await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-THEIRS" }))
      .id;
    engineerId = (
      await upsertUser(t.db.prisma, { accountId, platformUserId: "U1", displayName: "Sam Okafor" })
    ).id;
  });
  afterAll(() => t?.cleanup());

  it("creates a session with its ticket and place, visible to its own account only", async () => {
    const session = await createSession(t.db.prisma, {
      accountId,
      engineerId,
      ticketId: "51234",
      ticketSummary: "VPN down",
      clientCompany: "Acme Dental",
      clientContact: "Dana",
      conversationId: "C-ISO",
      threadId: "1712.0001",
      startedAt: at("09:00"),
    });
    expect(session).toMatchObject({
      accountId,
      engineerId,
      ticketId: "51234",
      status: "active",
      platform: "slack",
      startedAt: at("09:00"),
      endedAt: null,
    });
    expect(await getSession(t.db.prisma, session.id, { accountId })).toEqual(session);
    expect(await getSession(t.db.prisma, session.id, { accountId: otherAccountId })).toBeNull();
    expect(await getSession(t.db.prisma, "not-a-uuid", { accountId })).toBeNull();
    expect(
      await findActiveSessionByConversation(t.db.prisma, otherAccountId, "C-ISO", "1712.0001"),
    ).toBeNull();
    expect((await listSessions(t.db.prisma, otherAccountId)).map((s) => s.id)).not.toContain(session.id);
    await expect(
      loadSessionSnapshot(t.db.prisma, session.id, { accountId: otherAccountId }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("finds the open session of a thread, and the latest one after it is resolved", async () => {
    const older = await createSession(t.db.prisma, {
      accountId,
      conversationId: "C-FIND",
      threadId: "T1",
      startedAt: at("08:00"),
    });
    await setStatus(t.db.prisma, older.id, "resolved", { summary: "Rebooted", at: at("08:30") });
    const current = await createSession(t.db.prisma, {
      accountId,
      conversationId: "C-FIND",
      threadId: "T1",
      startedAt: at("09:00"),
    });
    const elsewhere = await createSession(t.db.prisma, { accountId, conversationId: "C-FIND" });

    expect((await findActiveSessionByConversation(t.db.prisma, accountId, "C-FIND", "T1"))?.id).toBe(
      current.id,
    );
    expect((await findActiveSessionByConversation(t.db.prisma, accountId, "C-FIND"))?.id).toBe(elsewhere.id);
    await pauseSession(t.db.prisma, current.id);
    expect((await findActiveSessionByConversation(t.db.prisma, accountId, "C-FIND", "T1"))?.status).toBe(
      "paused",
    );
    await setStatus(t.db.prisma, current.id, "escalated", { reason: "Needs the network team" });
    expect(await findActiveSessionByConversation(t.db.prisma, accountId, "C-FIND", "T1")).toBeNull();
    expect((await findLatestSessionByConversation(t.db.prisma, accountId, "C-FIND", "T1"))?.id).toBe(
      current.id,
    );
    expect((await listSessions(t.db.prisma, accountId, { status: ["resolved"] })).map((s) => s.id)).toEqual([
      older.id,
    ]);
  });

  it("pauses and resumes with timeline steps, and closes an open pause when resolving", async () => {
    const s = await createSession(t.db.prisma, { accountId, engineerId, startedAt: at("09:00") });
    await pauseSession(t.db.prisma, s.id, { reason: "waiting on client", at: at("09:10") });
    // Already paused: refused with the current state, no second pause.
    await expect(pauseSession(t.db.prisma, s.id, { at: at("09:11") })).rejects.toMatchObject({
      code: "conflict",
      userMessage: "This session is already paused.",
    });
    await resumeSession(t.db.prisma, s.id, { at: at("09:40") });
    await pauseSession(t.db.prisma, s.id, { at: at("10:00") });
    const resolved = await setStatus(t.db.prisma, s.id, "resolved", {
      summary: " Renewed the certificate ",
      at: at("10:30"),
    });
    expect(resolved).toMatchObject({
      status: "resolved",
      resolutionSummary: "Renewed the certificate",
      endedAt: at("10:30"),
    });

    const snapshot = await loadSessionSnapshot(t.db.prisma, s.id, { now: at("11:00"), accountId });
    expect(snapshot.pauses).toEqual([
      { from: at("09:10"), to: at("09:40") },
      { from: at("10:00"), to: at("10:30") },
    ]);
    expect(snapshot).toMatchObject({ status: "resolved", resolutionSummary: "Renewed the certificate" });
    const steps = await t.db.prisma.sessionStep.findMany({
      where: { sessionId: s.id },
      orderBy: { seq: "asc" },
    });
    expect(steps.map((x) => x.stepType)).toEqual(["pause", "resume", "pause", "resume", "resolution"]);
    expect((await getStep(t.db.prisma, steps[0]!.id))?.content).toEqual({ reason: "waiting on client" });
  });

  it("refuses to change a closed session and requires a summary or reason to close one", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    await expect(setStatus(t.db.prisma, s.id, "resolved", { summary: "  " })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(setStatus(t.db.prisma, s.id, "escalated")).rejects.toMatchObject({ code: "invalid_input" });
    await setStatus(t.db.prisma, s.id, "escalated", { reason: "Vendor bug" });
    await expect(resumeSession(t.db.prisma, s.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(setStatus(t.db.prisma, s.id, "resolved", { summary: "x" })).rejects.toThrow(
      /already escalated/,
    );
    await expect(
      createSession(t.db.prisma, { accountId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setStatus(t.db.prisma, "00000000-0000-4000-8000-000000000000", "paused"),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("one winner when two pause requests race: one pause recorded, the other told the session is paused", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    const other = kind === "postgres" ? await t.openAnother() : t.db;
    const results = await Promise.allSettled([
      pauseSession(t.db.prisma, s.id),
      pauseSession(other.prisma, s.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await t.db.prisma.sessionStep.count({ where: { sessionId: s.id, stepType: "pause" } })).toBe(1);
  });

  it("one winner when resolves race, across connections: one resolution, the rest conflict", async () => {
    const s = await createSession(t.db.prisma, { accountId });
    const other = kind === "postgres" ? await t.openAnother() : t.db;
    const results = await Promise.allSettled(
      [t.db, other, t.db, other, t.db].map((db, i) =>
        setStatus(db.prisma, s.id, "resolved", { summary: `fix number ${i + 1}` }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.prisma.sessionStep.count({ where: { sessionId: s.id, stepType: "resolution" } })).toBe(
      1,
    );
  });
});
