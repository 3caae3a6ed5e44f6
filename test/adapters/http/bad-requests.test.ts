import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS } from "../../../src/domain/index.ts";
import { type ApiHarness, NEW_SESSION, sessionWithMessages, startApi } from "./api-harness.ts";

describe("REST API: bad requests get a 4xx naming the problem", () => {
  let api: ApiHarness;
  let id: string;
  beforeAll(async () => {
    api = await startApi();
    id = await sessionWithMessages(api);
  });
  afterAll(() => api?.close());

  const expectField = async (
    method: string,
    path: string,
    body: unknown,
    field: string,
    message: RegExp = new RegExp(`^${field.replace(".", "\\.")}: `),
  ) => {
    const res = await api.call(method, path, body);
    expect({ path, status: res.status }).toEqual({ path, status: 422 });
    expect(res.body.error).toMatchObject({ code: "invalid_input", field });
    expect(res.body.error.message).toMatch(message);
    return res;
  };

  it("invalid JSON is 400 invalid_json", async () => {
    const res = await api.call("POST", `/ai-sessions/${id}/status-update`, undefined, {
      rawBody: '{"audience": "client_update",',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_json");
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  it("a body that is not sent as JSON is 415, and nothing is stored", async () => {
    const before = await api.t.db.prisma.sessionStep.count();
    const res = await api.call(
      "POST",
      `/ai-sessions/${id}/messages`,
      { text: "a plain text post" },
      {
        headers: { "content-type": "text/plain;charset=UTF-8" },
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
    expect(res.body.error.message).toMatch(/application\/json \(got text\/plain/);
    expect(await api.t.db.prisma.sessionStep.count()).toBe(before);
    const jsonish = await api.call(
      "POST",
      `/ai-sessions/${id}/messages`,
      { text: "vendor json type" },
      {
        headers: { "content-type": "application/vnd.api+json" },
      },
    );
    expect(jsonish.status).toBe(201);
  });

  it("a NUL byte or a lone surrogate is 422 naming the field, in every text field, and nothing is stored", async () => {
    const before = await api.t.db.prisma.sessionStep.count();
    const sessionsBefore = await api.t.db.prisma.session.count();
    const nul = "router\u0000config";
    const lone = "half a surrogate \ud800 here";
    for (const bad of [nul, lone]) {
      await expectField(
        "POST",
        "/ai-sessions",
        { ...NEW_SESSION, ticket_id: bad },
        "ticket_id",
        /NUL byte or a lone surrogate/,
      );
      await expectField("POST", "/ai-sessions", { ...NEW_SESSION, ticket_summary: bad }, "ticket_summary");
      await expectField(
        "POST",
        "/ai-sessions",
        { ...NEW_SESSION, engineer: { id: bad, name: "Sam" } },
        "engineer.id",
      );
      await expectField("POST", `/ai-sessions/${id}/messages`, { text: bad }, "text");
      await expectField(
        "POST",
        `/ai-sessions/${id}/messages`,
        { text: "fine", author_name: bad },
        "author_name",
      );
      await expectField(
        "POST",
        `/ai-sessions/${id}/messages`,
        { messages: [{ text: "first is fine" }, { text: bad }] },
        "messages.1.text",
      );
      await expectField("POST", `/ai-sessions/${id}/resolve`, { summary: bad }, "summary");
    }
    expect(await api.t.db.prisma.sessionStep.count()).toBe(before);
    expect(await api.t.db.prisma.session.count()).toBe(sessionsBefore);
    // A valid surrogate pair (an emoji) is text like any other.
    expect((await api.call("POST", `/ai-sessions/${id}/messages`, { text: "fixed 🎉" })).status).toBe(201);
  });

  it("a full session takes no more messages (413 naming the limits), all of a batch or none", async () => {
    const full = await sessionWithMessages(api);
    const recorded = await api.t.db.prisma.session.findUniqueOrThrow({ where: { id: full } });
    expect(recorded.messageCount).toBeGreaterThan(0);
    expect(recorded.textChars).toBeGreaterThan(0);
    await api.t.db.prisma.session.update({ where: { id: full }, data: { messageCount: 4_999 } });
    const before = await api.t.db.prisma.sessionStep.count({ where: { sessionId: full } });
    const batch = await api.call("POST", `/ai-sessions/${full}/messages`, {
      messages: [{ text: "one more" }, { text: "and another" }],
    });
    expect(batch.status).toBe(413);
    expect(batch.body.error.message).toMatch(
      /session is full .*at most 5,000 messages and 4,000,000 characters/,
    );
    expect(await api.t.db.prisma.sessionStep.count({ where: { sessionId: full } })).toBe(before);
    const one = await api.call("POST", `/ai-sessions/${full}/messages`, { text: "the last one that fits" });
    expect(one.status).toBe(201);
    expect((await api.t.db.prisma.session.findUniqueOrThrow({ where: { id: full } })).messageCount).toBe(
      5_000,
    );
    expect((await api.call("POST", `/ai-sessions/${full}/messages`, { text: "over" })).status).toBe(413);
  });

  it("an unknown id is quoted short, never echoed whole", async () => {
    const long = "x".repeat(10_000);
    const res = await api.call("GET", `/ai-sessions/${long}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message.length).toBeLessThan(120);
    expect(res.body.error.message).toContain("xxxx…");
  });

  it("a missing required field is named", async () => {
    await expectField("POST", `/ai-sessions/${id}/status-update`, {}, "audience");
    await expectField("POST", "/ai-sessions", { ...NEW_SESSION, ticket_id: undefined }, "ticket_id");
    await expectField("POST", "/ai-sessions", { ...NEW_SESSION, engineer: { id: "e1" } }, "engineer.name");
    await expectField("POST", `/ai-sessions/${id}/resolve`, {}, "summary");
    await expectField("POST", `/ai-sessions/${id}/escalate`, { reason: "   " }, "reason");
    await expectField("POST", `/ai-sessions/${id}/messages`, {}, "text", /^text: give text .*or messages/);
  });

  it("a value outside its enum is named with the allowed values", async () => {
    const res = await expectField(
      "POST",
      `/ai-sessions/${id}/status-update`,
      { audience: "the client" },
      "audience",
    );
    expect(res.body.error.message).toMatch(/ticket_notes.*client_update.*email_draft/);
    await expectField(
      "POST",
      `/ai-sessions/${id}/status-update`,
      { audience: "client_update", length: "long" },
      "length",
    );
    await expectField(
      "POST",
      `/ai-sessions/${id}/messages`,
      { messages: [{ text: "ok" }, { author: "robot", text: "hi" }] },
      "messages.1.author",
    );
  });

  it("wrong types and both message forms at once are named", async () => {
    await expectField("POST", "/ai-sessions", { ...NEW_SESSION, ticket_id: 2847 }, "ticket_id");
    await expectField(
      "POST",
      `/ai-sessions/${id}/messages`,
      { text: "one", messages: [{ text: "two" }] },
      "messages",
      /not both/,
    );
    const array = await api.call("POST", `/ai-sessions/${id}/status-update`, ["client_update"]);
    expect(array.status).toBe(422);
    expect(array.body.error.message).toMatch(/^request body: /);
  });

  it("a message over the per-message limit is refused and nothing of the batch is recorded", async () => {
    const before = await api.t.db.prisma.sessionStep.count({ where: { sessionId: id, stepType: "message" } });
    await expectField(
      "POST",
      `/ai-sessions/${id}/messages`,
      { messages: [{ text: "fine" }, { text: "x".repeat(MAX_MESSAGE_CHARS + 1) }] },
      "messages.1.text",
    );
    expect(await api.t.db.prisma.sessionStep.count({ where: { sessionId: id, stepType: "message" } })).toBe(
      before,
    );
  });

  it("a body over 1 MB is 413", async () => {
    const res = await api.call("POST", `/ai-sessions/${id}/messages`, {
      messages: Array.from({ length: 30 }, () => ({ text: "y".repeat(MAX_MESSAGE_CHARS) })),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });

  it("an unknown route is a JSON 404", async () => {
    const res = await api.call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("REST API: internal errors", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    // This test breaks its database on purpose, so it gets one of its own.
    api = await startApi({ ownDatabase: true });
  });
  afterAll(() => api?.close());

  it("answer 500 with a correlation id that is in the log, without the session's text", async () => {
    const id = await sessionWithMessages(api);
    // The database loses a table under the running server.
    await api.t.db.prisma.$executeRawUnsafe("ALTER TABLE session_steps RENAME TO session_steps_gone");
    const res = await api.call("POST", `/ai-sessions/${id}/messages`, { text: "secret password hunter2" });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("internal");
    expect(res.body.error.correlation_id).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/session_steps|prisma/i);
    const logged = api.logs.find((l) => l.level === "error");
    expect(logged?.obj).toMatchObject({ correlationId: res.body.error.correlation_id });
    expect(JSON.stringify(api.logs)).not.toContain("hunter2");
    expect(JSON.stringify(api.logs)).not.toContain(api.northstar.token);
  });
});
