import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken } from "../../../src/db/api-tokens.ts";
import { type ApiHarness, NEW_SESSION, sessionWithMessages, startApi } from "./api-harness.ts";

describe("REST API: who may call what", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const sessionCount = () => api.t.db.prisma.session.count();

  describe("bearer tokens", () => {
    const expect401 = async (
      headers: Record<string, string>,
      token: string | null,
      invalidToken: boolean,
    ) => {
      const before = await sessionCount();
      const res = await api.call("POST", "/ai-sessions", NEW_SESSION, { token, headers });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      const challenge = res.headers.get("www-authenticate") ?? "";
      expect(challenge).toMatch(/^Bearer /);
      expect(challenge.includes('error="invalid_token"')).toBe(invalidToken);
      expect(await sessionCount()).toBe(before);
      return res;
    };

    it("no Authorization header: 401 with WWW-Authenticate: Bearer", async () => {
      const res = await expect401({}, null, false);
      expect(res.body.error.message).toMatch(/Authorization: Bearer/);
    });

    it("another scheme: 401", async () => {
      await expect401({ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, null, false);
      await expect401({ authorization: api.northstar.token }, null, false);
    });

    it("unknown or malformed token: 401 invalid_token", async () => {
      await expect401({}, `fp_${"A".repeat(43)}`, true);
      await expect401({}, "not-a-token", true);
    });

    it("a revoked token stops working at once; the account's other tokens do not", async () => {
      const { createApiToken } = await import("../../../src/db/api-tokens.ts");
      const extra = await createApiToken(api.t.db.prisma, { accountId: api.northstar.accountId, name: "ci" });
      expect(
        (
          await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000", undefined, {
            token: extra.token,
          })
        ).status,
      ).toBe(404);
      await revokeApiToken(api.t.db.prisma, extra.id);
      await expect401({}, extra.token, true);
      expect((await api.call("POST", "/ai-sessions", NEW_SESSION)).status).toBe(201);
    });

    it("records when a token was last used", async () => {
      const before = await api.t.db.prisma.apiToken.findFirstOrThrow({
        where: { accountId: api.brightline.accountId },
      });
      await api.call("GET", "/ai-sessions/00000000-0000-4000-8000-000000000000", undefined, {
        token: api.brightline.token,
      });
      const after = await api.t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: before.id } });
      expect(after.lastUsedAt).not.toBeNull();
      expect(after.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.createdAt.getTime());
    });

    it("never logs the token", async () => {
      await api.call("GET", "/ai-sessions/x", undefined, { token: api.northstar.token });
      await api.call("GET", "/ai-sessions/x", undefined, { token: `fp_${"B".repeat(43)}` });
      expect(JSON.stringify(api.logs)).not.toMatch(/fp_/);
    });
  });

  describe("another account's session", () => {
    let theirs: string;
    let theirUpdate: string;
    beforeAll(async () => {
      theirs = await sessionWithMessages(api, undefined, api.brightline.token);
      const update = await api.call(
        "POST",
        `/ai-sessions/${theirs}/status-update`,
        { audience: "ticket_notes" },
        { token: api.brightline.token },
      );
      theirUpdate = update.body.update_id;
    });

    const routes = () =>
      [
        ["GET", `/ai-sessions/${theirs}`, undefined],
        ["POST", `/ai-sessions/${theirs}/messages`, { text: "hello" }],
        ["POST", `/ai-sessions/${theirs}/pause`, {}],
        ["POST", `/ai-sessions/${theirs}/resume`, undefined],
        ["POST", `/ai-sessions/${theirs}/resolve`, { summary: "fixed" }],
        ["POST", `/ai-sessions/${theirs}/escalate`, { reason: "handoff" }],
        ["POST", `/ai-sessions/${theirs}/status-update`, { audience: "client_update" }],
        ["GET", `/ai-sessions/${theirs}/updates`, undefined],
        ["POST", `/ai-sessions/${theirs}/updates/${theirUpdate}/post-to-ticket`, {}],
      ] as const;

    it("is 404 on every session route, with the same answer as an unknown id, and changes nothing", async () => {
      const stepsBefore = await api.t.db.prisma.sessionStep.count({ where: { sessionId: theirs } });
      for (const [method, path, body] of routes()) {
        const res = await api.call(method, path, body);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        const unknown = await api.call(
          method,
          path.replace(theirs, "00000000-0000-4000-8000-000000000000"),
          body,
        );
        expect(res.body.error.code).toBe("not_found");
        expect(res.body.error.message.replace(theirs, "ID")).toBe(
          unknown.body.error.message.replace("00000000-0000-4000-8000-000000000000", "ID"),
        );
      }
      expect(await api.t.db.prisma.sessionStep.count({ where: { sessionId: theirs } })).toBe(stepsBefore);
      const row = await api.t.db.prisma.session.findUniqueOrThrow({ where: { id: theirs } });
      expect(row.status).toBe("active");
    });

    it("stays reachable for its own account", async () => {
      const res = await api.call("GET", `/ai-sessions/${theirs}/updates`, undefined, {
        token: api.brightline.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.updates).toHaveLength(1);
    });
  });
});
