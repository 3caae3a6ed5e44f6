import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateTemplates } from "../../../src/db/accounts.ts";
import { type ApiHarness, EMAIL_MESSAGES, sessionWithMessages, startApi } from "./api-harness.ts";

describe("REST API: status updates over HTTP", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const updateSteps = (sessionId: string) =>
    api.t.db.prisma.sessionStep.findMany({
      where: { sessionId, stepType: "status_update" },
      orderBy: { seq: "asc" },
    });

  it("POST /status-update returns the spec's body and stores the step with the same content", async () => {
    const id = await sessionWithMessages(api);
    const res = await api.call("POST", `/ai-sessions/${id}/status-update`, {
      audience: "client_update",
      length: "quick",
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        "audience",
        "content",
        "context",
        "generated_at",
        "length",
        "session_status",
        "steps_completed",
        "time_spent_minutes",
        "update_id",
      ].sort(),
    );
    expect(res.body).toMatchObject({
      audience: "client_update",
      length: "quick",
      context: "update",
      session_status: "identified",
    });
    expect(res.body.content).toContain("Acme Medical Group");
    // Client updates carry no host names.
    expect(res.body.content).not.toContain("outlook.com");
    expect(Number.isNaN(Date.parse(res.body.generated_at))).toBe(false);

    const [step] = await updateSteps(id);
    expect(step?.id).toBe(res.body.update_id);
    expect(step?.content).toMatchObject({
      audience: "client_update",
      length: "quick",
      context: "update",
      generated_content: res.body.content,
      session_status: res.body.session_status,
      steps_completed: res.body.steps_completed,
      time_spent_minutes: res.body.time_spent_minutes,
      generated_at: res.body.generated_at,
      message_count: 3,
      requested_by: "Michael Chihlas",
      delivery: { psa_push_status: "not_posted" },
    });
  });

  it("without a length the team's default_length applies; context follows the session status", async () => {
    const id = await sessionWithMessages(api);
    const detailed = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    expect(detailed.body).toMatchObject({ length: "detailed", context: "update" });

    await updateTemplates(api.t.db.prisma, api.northstar.accountId, { default_length: "quick" });
    try {
      const quick = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "email_draft" });
      expect(quick.status).toBe(201);
      expect(quick.body.length).toBe("quick");
      expect(quick.body.content).toMatch(/Subject: .*TKT-2847/);
    } finally {
      await updateTemplates(api.t.db.prisma, api.northstar.accountId, { default_length: "detailed" });
    }
    await api.call("POST", `/ai-sessions/${id}/resolve`, { summary: "Re-scoped the rule" });
    const after = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "client_update" });
    expect(after.body.context).toBe("resolution");
  });

  it("refuses a status update before the session has 2 messages, and stores nothing", async () => {
    const id = await sessionWithMessages(api, EMAIL_MESSAGES.slice(0, 1));
    const res = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "client_update" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toMatch(/at least 2 messages.*this one has 1/);
    expect(await updateSteps(id)).toHaveLength(0);
  });

  it("GET /updates lists the session's updates oldest first with their delivery state", async () => {
    const id = await sessionWithMessages(api);
    const first = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    const second = await api.call("POST", `/ai-sessions/${id}/status-update`, {
      audience: "client_update",
      length: "quick",
    });
    const res = await api.call("GET", `/ai-sessions/${id}/updates`);
    expect(res.status).toBe(200);
    expect(res.body.updates.map((u: { update_id: string }) => u.update_id)).toEqual([
      first.body.update_id,
      second.body.update_id,
    ]);
    expect(res.body.updates[1]).toMatchObject({
      content: second.body.content,
      audience: "client_update",
      writer: "offline",
      edited: false,
      delivery: { psa_push_status: "not_posted" },
    });
    expect((await api.call("GET", `/ai-sessions/${id}`)).body.updates_count).toBe(2);
  });

  it("post-to-ticket without a connected PSA is 409 psa_not_connected and leaves the update unposted", async () => {
    const id = await sessionWithMessages(api);
    const update = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" });
    const res = await api.call("POST", `/ai-sessions/${id}/updates/${update.body.update_id}/post-to-ticket`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("psa_not_connected");
    expect(res.body.error.message).toMatch(/No PSA is connected/);
    const step = await api.t.db.prisma.sessionStep.findUniqueOrThrow({
      where: { id: update.body.update_id },
    });
    expect(step.content).toMatchObject({ delivery: { psa_push_status: "not_posted" } });
  });

  it("post-to-ticket refuses email drafts (422) and unknown updates (404)", async () => {
    const id = await sessionWithMessages(api);
    const draft = await api.call("POST", `/ai-sessions/${id}/status-update`, { audience: "email_draft" });
    const res = await api.call(
      "POST",
      `/ai-sessions/${id}/updates/${draft.body.update_id}/post-to-ticket`,
      {},
    );
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/Email drafts are sent by email/);
    const unknown = await api.call(
      "POST",
      `/ai-sessions/${id}/updates/00000000-0000-4000-8000-000000000000/post-to-ticket`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
  });

  it("post-to-ticket does not reach another session's update through this session", async () => {
    const mine = await sessionWithMessages(api);
    const other = await sessionWithMessages(api);
    const update = await api.call("POST", `/ai-sessions/${other}/status-update`, {
      audience: "ticket_notes",
    });
    const res = await api.call(
      "POST",
      `/ai-sessions/${mine}/updates/${update.body.update_id}/post-to-ticket`,
    );
    expect(res.status).toBe(404);
  });
});
