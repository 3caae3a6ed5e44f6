import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../../support/db.ts";
import { type ApiHarness, NEW_SESSION, sessionWithMessages, startApi } from "./api-harness.ts";

describe("REST API: session lifecycle over HTTP", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const steps = (sessionId: string) =>
    api.t.db.prisma.sessionStep.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });

  it("logs one audit line per call: account, route, status, latency, correlation id, and never a body", async () => {
    const before = api.logs.length;
    const created = await api.call("POST", "/ai-sessions", {
      ...NEW_SESSION,
      ticket_summary: "Audit check: VPN password is Tr0ub4dor&3",
    });
    await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000");
    await api.call("GET", "/ai-sessions", undefined, { token: "fp_not_a_real_token" });
    const audit = api.logs.slice(before).filter((l) => (l.obj as { audit?: boolean }).audit);
    expect(
      audit.map((l) => [(l.obj as { route: string }).route, (l.obj as { status: number }).status]),
    ).toEqual([
      ["/ai-sessions", 201],
      ["/ai-sessions/:session_id", 404],
      // Refused before any route matched: the auth middleware's pattern.
      ["/ai-sessions/*", 401],
    ]);
    expect(audit[0]!.obj).toMatchObject({
      account: api.northstar.accountId,
      method: "POST",
      latencyMs: expect.any(Number),
      correlationId: created.headers.get("x-correlation-id"),
    });
    expect(JSON.stringify(audit)).not.toMatch(/Audit check|Tr0ub4dor/);
  });

  it("GET /health answers without a token", async () => {
    const res = await api.call("GET", "/health", undefined, { token: null });
    expect(res).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("POST /ai-sessions starts a session for the ticket, owned by the token's account and engineer", async () => {
    const res = await api.call("POST", "/ai-sessions", NEW_SESSION);
    expect(res.status).toBe(201);
    expect(res.body.notice).toBeUndefined();
    expect(res.body.session).toMatchObject({
      ticket_id: "TKT-2847",
      ticket_summary: "Email delivery issue",
      client_company: "Acme Medical Group",
      client_contact: "Dana Ruiz",
      engineer_name: "Michael Chihlas",
      status: "active",
      message_count: 0,
      updates_count: 0,
    });
    const row = await api.t.db.prisma.session.findUniqueOrThrow({
      where: { id: res.body.session.session_id },
      include: { engineer: true },
    });
    expect(row.accountId).toBe(api.northstar.accountId);
    expect(row.engineer).toMatchObject({ platformUserId: "eng-7", displayName: "Michael Chihlas" });
    expect(row.status).toBe("active");
    expect(row.conversationId).toBeNull();
  });

  it("reusing an engineer id with a new name names the new session only; older ones keep their name and sign-off", async () => {
    const older = await sessionWithMessages(api);
    const renamed = { ...NEW_SESSION, engineer: { id: "eng-7", name: "Mike Chihlas-Ortega" } };
    const newer = await api.call("POST", "/ai-sessions", renamed);
    expect(newer.body.session.engineer_name).toBe("Mike Chihlas-Ortega");
    expect((await api.call("GET", `/ai-sessions/${older}`)).body.engineer_name).toBe("Michael Chihlas");
    // Updates on the older session are signed and attributed with the name it started with.
    const email = await api.call("POST", `/ai-sessions/${older}/status-update`, { audience: "email_draft" });
    expect(email.body.content).toContain("Michael Chihlas");
    expect(email.body.content).not.toContain("Mike");
    const step = await api.t.db.prisma.sessionStep.findUniqueOrThrow({ where: { id: email.body.update_id } });
    expect(step.content).toMatchObject({ requested_by: "Michael Chihlas" });
    // One engineer (one user row), now known by the new name.
    const users = await api.t.db.prisma.user.findMany({ where: { platformUserId: "eng-7" } });
    expect(users.map((u) => u.displayName)).toEqual(["Mike Chihlas-Ortega"]);
  });

  it("GET /ai-sessions/{id} shows the stored session", async () => {
    const id = await sessionWithMessages(api);
    const res = await api.call("GET", `/ai-sessions/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      session_id: id,
      status: "active",
      message_count: 3,
      ticket_id: "TKT-2847",
    });
    expect(res.body.session_status).toBe("identified");
  });

  it("GET /ai-sessions/{id} says what the work waits on, with the message it rests on", async () => {
    const id = await sessionWithMessages(api, [
      { text: "Users at the Elm St office get a certificate warning on the VPN portal since this morning." },
      { text: "Checked the FortiGate: the SSL VPN certificate expired at midnight. That's the cause." },
      { text: "Havent changed anything yet - need Derek's approval before we buy the renewal." },
    ]);
    const waiting = await api.call("GET", `/ai-sessions/${id}`);
    expect(waiting.body).toMatchObject({
      session_status: "identified",
      waiting_on: { party: "client", who: "Derek", message_ids: ["m3"] },
    });
    await api.call("POST", `/ai-sessions/${id}/messages`, {
      text: "Derek approved. Bought the renewal and imported the new certificate on the FortiGate, rebinding it now.",
    });
    const moving = await api.call("GET", `/ai-sessions/${id}`);
    expect(moving.body).toMatchObject({ session_status: "implementing", waiting_on: null });
  });

  it("POST /messages records one message or a batch, in order, as given", async () => {
    const id = await sessionWithMessages(api, []);
    const one = await api.call("POST", `/ai-sessions/${id}/messages`, {
      text: "/flowpilot resolve this is only text",
    });
    expect(one).toMatchObject({ status: 201, body: { recorded: 1, message_count: 1 } });
    const batch = await api.call("POST", `/ai-sessions/${id}/messages`, {
      messages: [
        { author: "client", author_name: "Dana Ruiz", text: "Still nothing from outside." },
        { text: "Checking the transport rules next." },
      ],
    });
    expect(batch).toMatchObject({ status: 201, body: { recorded: 2, message_count: 3 } });
    const contents = (await steps(id)).filter((s) => s.stepType === "message").map((s) => s.content);
    expect(contents).toEqual([
      { author: "engineer", text: "/flowpilot resolve this is only text" },
      { author: "client", text: "Still nothing from outside.", author_name: "Dana Ruiz" },
      { author: "engineer", text: "Checking the transport rules next." },
    ]);
    // A command-looking message is recorded, not run.
    expect((await api.call("GET", `/ai-sessions/${id}`)).body.status).toBe("active");
  });

  it("pause and resume change the stored status; pausing twice is a conflict", async () => {
    const id = await sessionWithMessages(api);
    const paused = await api.call("POST", `/ai-sessions/${id}/pause`, { reason: "waiting on the client" });
    expect(paused).toMatchObject({ status: 200, body: { session_id: id, status: "paused" } });
    const pauseStep = (await steps(id)).find((s) => s.stepType === "pause");
    expect(pauseStep?.content).toMatchObject({ reason: "waiting on the client" });
    const again = await api.call("POST", `/ai-sessions/${id}/pause`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict" });
    expect(again.body.error.message).toMatch(/only an active session can be paused/);

    const resumed = await api.call("POST", `/ai-sessions/${id}/resume`);
    expect(resumed).toMatchObject({ status: 200, body: { status: "active" } });
    expect((await api.t.db.prisma.session.findUniqueOrThrow({ where: { id } })).status).toBe("active");
    expect((await api.call("POST", `/ai-sessions/${id}/resume`)).status).toBe(409);
  });

  it("a paused session may be paused without a body (reason optional)", async () => {
    const id = await sessionWithMessages(api, []);
    const res = await api.call("POST", `/ai-sessions/${id}/pause`);
    expect(res).toMatchObject({ status: 200, body: { status: "paused" } });
  });

  it("five parallel resolves: one wins with its summary and two closing updates, the rest get 409", async () => {
    const id = await sessionWithMessages(api);
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => api.call("POST", `/ai-sessions/${id}/resolve`, { summary: `fix ${n}` })),
    );
    const won = responses.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(4);
    expect(responses.find((r) => r.status === 409)?.body.error.message).toMatch(/already resolved/);
    const all = await steps(id);
    expect(all.filter((s) => s.stepType === "status_update")).toHaveLength(2);
    expect(all.filter((s) => s.stepType === "resolution")).toHaveLength(1);
    expect(won[0]!.body.session.resolution_summary).toBe(
      (all.find((s) => s.stepType === "resolution")!.content as { summary: string }).summary,
    );
  });

  it("resolve stores the summary, cancels pending reminders and returns the pre-generated closing updates", async () => {
    const id = await sessionWithMessages(api);
    await api.t.db.prisma.sessionStep.create({
      data: {
        sessionId: id,
        stepType: "update_reminder",
        content: { remind_at: "2099-01-01T00:00:00.000Z", audience: "client_update", status: "pending" },
      },
    });
    const res = await api.call("POST", `/ai-sessions/${id}/resolve`, {
      summary: "Re-scoped the transport rule; mail flowing again",
    });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({
      status: "resolved",
      resolution_summary: "Re-scoped the transport rule; mail flowing again",
    });
    expect(res.body.updates.map((u: { audience: string }) => u.audience)).toEqual([
      "ticket_notes",
      "client_update",
    ]);
    expect(res.body.updates.every((u: { context: string }) => u.context === "resolution")).toBe(true);
    expect(res.body.updates[1].content).toContain("Acme Medical Group");

    const all = await steps(id);
    const reminder = all.find((s) => s.stepType === "update_reminder");
    expect(reminder?.content).toMatchObject({ status: "cancelled" });
    const stored = all.filter((s) => s.stepType === "status_update");
    expect(stored.map((s) => s.id)).toEqual(res.body.updates.map((u: { update_id: string }) => u.update_id));

    const closed = await api.call("POST", `/ai-sessions/${id}/messages`, { text: "one more thing" });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/resolved; its timeline is closed/);
    expect((await api.call("POST", `/ai-sessions/${id}/escalate`, { reason: "too late" })).status).toBe(409);
  });

  it("escalate stores the reason and returns the handoff updates", async () => {
    const id = await sessionWithMessages(api);
    const res = await api.call("POST", `/ai-sessions/${id}/escalate`, { reason: "Needs the Exchange team" });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({
      status: "escalated",
      escalation_reason: "Needs the Exchange team",
    });
    expect(res.body.updates).toHaveLength(2);
    expect(res.body.updates.every((u: { context: string }) => u.context === "escalation")).toBe(true);
    const row = await api.t.db.prisma.session.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "escalated", escalationReason: "Needs the Exchange team" });
    expect(row.endedAt).not.toBeNull();
  });

  it("unknown session ids are 404, malformed or well-formed", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const res = await api.call("GET", `/ai-sessions/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});

describe.each(DB_KINDS)("REST API on %s: message_count under concurrency", (kind) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ kind });
  });
  afterAll(() => api?.close());

  const steps = (sessionId: string) =>
    api.t.db.prisma.sessionStep.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });

  it("parallel batches to one session each report the message_count their own batch left stored", async () => {
    const id = await sessionWithMessages(api, []);
    const batch = (n: number) => ({
      messages: Array.from({ length: 2 }, (_, i) => ({ text: `batch ${n} line ${i + 1}` })),
    });
    const replies = await Promise.all(
      // More than a connection pool holds: a reply may wait while later batches commit.
      Array.from({ length: 40 }, (_, n) => api.call("POST", `/ai-sessions/${id}/messages`, batch(n))),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
    // Batches commit one after another: each saw the count it made, never a later batch's.
    const counts = replies.map((r) => r.body.message_count as number).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => 2 * (i + 1)));
    // The last line of the batch that reported N is message N in the stored order.
    const texts = (await steps(id)).filter((s) => s.stepType === "message").map((s) => s.content);
    for (const [n, reply] of replies.entries())
      expect(texts[reply.body.message_count - 1]).toEqual({ author: "engineer", text: `batch ${n} line 2` });
    expect((await api.call("GET", `/ai-sessions/${id}`)).body.message_count).toBe(80);
  });
});
