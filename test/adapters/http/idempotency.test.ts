import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, NEW_SESSION, sessionWithMessages, startApi } from "./api-harness.ts";

describe("REST API: Idempotency-Key on POST", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const messages = (id: string) =>
    api.t.db.prisma.sessionStep.count({ where: { sessionId: id, stepType: "message" } });

  it("a retried request with the same key runs once and gets the first answer again", async () => {
    const id = await sessionWithMessages(api);
    const before = await messages(id);
    const headers = { "idempotency-key": "3f1c9a52-7c4e-4b8e-9d1a-2f6b8c0e4d11" };
    const batch = { messages: [{ text: "rebooted the core switch" }, { text: "VLAN 20 back" }] };
    const first = await api.call("POST", `/ai-sessions/${id}/messages`, batch, { headers });
    const again = await api.call("POST", `/ai-sessions/${id}/messages`, batch, { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(first.headers.get("idempotency-replayed")).toBeNull();
    expect(await messages(id)).toBe(before + 2);
  });

  it("the same key with another body is 422 naming the header; a new key runs", async () => {
    const id = await sessionWithMessages(api);
    const headers = { "idempotency-key": "key-reused-by-mistake" };
    await api.call("POST", `/ai-sessions/${id}/messages`, { text: "first" }, { headers });
    const other = await api.call("POST", `/ai-sessions/${id}/messages`, { text: "second" }, { headers });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ field: "Idempotency-Key" });
    const fresh = await api.call(
      "POST",
      `/ai-sessions/${id}/messages`,
      { text: "second" },
      {
        headers: { "idempotency-key": "a-new-key" },
      },
    );
    expect(fresh.status).toBe(201);
  });

  it("parallel requests with one key create one session", async () => {
    const before = await api.t.db.prisma.session.count();
    const headers = { "idempotency-key": "create-once-7731" };
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => api.call("POST", "/ai-sessions", NEW_SESSION, { headers })),
    );
    expect(await api.t.db.prisma.session.count()).toBe(before + 1);
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.session.session_id)).size).toBe(1);
    for (const r of replies.filter((r) => r.status !== 201)) expect(r.status).toBe(409);
  });

  it("a request that failed releases its key, so the same retry runs once the cause is fixed", async () => {
    const created = await api.call("POST", "/ai-sessions", NEW_SESSION);
    const id = created.body.session.session_id as string;
    const headers = { "idempotency-key": "update-after-more-messages" };
    const path = `/ai-sessions/${id}/status-update`;
    const early = await api.call("POST", path, { audience: "ticket_notes" }, { headers });
    expect(early.status).toBe(409);
    await api.call("POST", `/ai-sessions/${id}/messages`, {
      messages: [{ text: "printer offline since 9am" }, { text: "spooler restarted, queue cleared" }],
    });
    const retried = await api.call("POST", path, { audience: "ticket_notes" }, { headers });
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotency-replayed")).toBeNull();
  });

  it("a malformed key is 422", async () => {
    const id = await sessionWithMessages(api);
    const res = await api.call(
      "POST",
      `/ai-sessions/${id}/messages`,
      { text: "x" },
      {
        headers: { "idempotency-key": "x".repeat(201) },
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("Idempotency-Key");
  });
});
