import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { BOT_ISSUER } from "./support/fake-bot-framework.ts";
import { APP_ID, startTeams, TENANT, type TeamsHarness } from "./support/teams-harness.ts";

loopbackOnly();

/**
 * Authentication ON: activities carry the Bot Framework's JWT, checked
 * against the signing keys its OpenID metadata publishes (fakes on
 * 127.0.0.1); the bot's own calls to the connector carry the token MSAL got
 * from the (fake) Entra token endpoint.
 */
let t: TeamsHarness;
beforeAll(async () => {
  t = await startTeams();
});
afterAll(() => t.stop());

describe("the app password, checked at start-up", () => {
  it("is sent to the (fake) Microsoft login once, as the client credentials grant botbuilder uses", () => {
    const check = t.fake.tokenRequests[0]!;
    expect(check.tenant).toBe(TENANT);
    const form = new URLSearchParams(check.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: APP_ID,
      client_secret: "test-app-password-Zq8",
      scope: "https://api.botframework.com/.default",
    });
  });
});

describe("inbound tokens", () => {
  it("a correctly signed activity is served, and the replies carry the bot's outbound token", async () => {
    const { status } = await t.say("help", { mention: true });
    expect(status).toBe(200);
    expect(t.latest("/flowpilot start").conversationId).toMatch(/^a:personal-/);
    expect(t.fake.unauthorizedConnectorCalls).toEqual([]);
  });

  const refused: Array<[string, () => string | null, string]> = [
    ["no token", () => null, "no token (Authorization header missing)"],
    ["an expired token", () => t.fake.token({ expiresInSeconds: -3600 }), "expired token"],
    [
      "a token for another app id",
      () => t.fake.token({ claims: { aud: "00000000-0000-4000-8000-0000000000ff" } }),
      "audience mismatch: the token is for another app id than MicrosoftAppId",
    ],
    [
      "a token from another issuer",
      () => t.fake.token({ claims: { iss: "https://sts.example.com" } }),
      "issuer mismatch: the token was not issued by the Bot Framework",
    ],
    [
      "a token signed by a key the metadata does not publish",
      () => t.fake.token({ key: "unknown" }),
      "token signed with a key the Bot Framework does not publish",
    ],
    [
      "a token with the published key id but another key",
      () => t.fake.token({ key: "forged" }),
      "bad token signature",
    ],
    [
      "a token issued for another service URL",
      () => t.fake.token({ claims: { serviceurl: "https://smba.example/" } }),
      "service URL mismatch: the token was issued for another serviceUrl than the activity's",
    ],
    ["something that is not a token", () => "not-a-jwt", "malformed token"],
  ];

  it.each(refused)(
    "%s is refused with 401, nothing happens, and the log says why",
    async (_name, token, why) => {
      const before = t.shown().length;
      const logged = t.logLines().length;
      const activity = t.message("start 48213 Should not start", { mention: true });
      const answer = await t.deliver(activity, token());
      await t.server.settle();
      expect(answer.status).toBe(401);
      expect(t.shown().length).toBe(before);
      const refusals = t
        .logLines()
        .slice(logged)
        .filter((l) => l.msg === "teams: activity refused");
      expect(refusals).toEqual([expect.objectContaining({ level: 40, refusal: why, status: 401 })]);
    },
  );

  it("no secret reaches the log: not the app password, not a token", async () => {
    await t.deliver(t.message("help", { mention: true }), t.fake.token({ key: "forged" }));
    const logs = t.logs();
    expect(logs).toContain("teams: activity refused");
    expect(logs).not.toContain("test-app-password-Zq8");
    expect(logs).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(logs).not.toContain("fake-connector-token");
  });

  it("answers 400 to a body that is not an activity", async () => {
    const response = await fetch(`${t.server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.fake.token()}` },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("without an app id", () => {
  it("runs unauthenticated only when allowed, and says so at start-up", async () => {
    const anonymous = await startTeams({
      settings: { appId: undefined, appPassword: undefined, appType: "MultiTenant", tenantId: undefined },
    });
    try {
      expect(anonymous.logs()).toContain("Teams runs UNAUTHENTICATED");
      expect(anonymous.server.platforms).toEqual(["Teams (unauthenticated, /api/messages)"]);
      const { status } = await anonymous.deliver(anonymous.message("help", { mention: true }), null);
      await anonymous.server.settle();
      expect(status).toBe(200);
      expect(anonymous.latest("/flowpilot start")).toBeTruthy();
    } finally {
      await anonymous.stop();
    }
  });

  it("nothing in these tests can reach Microsoft: other hosts fail here", async () => {
    const refused = { cause: { message: expect.stringContaining("may only reach 127.0.0.1") } };
    await expect(fetch("https://login.microsoftonline.com/common/discovery/instance")).rejects.toMatchObject(
      refused,
    );
    await expect(fetch("https://api.botframework.com/")).rejects.toMatchObject(refused);
  });

  it("the issuer the fakes sign with is the Bot Framework's", () => {
    expect(BOT_ISSUER).toBe("https://api.botframework.com");
    expect(APP_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});
