import { describe, expect, it } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { startSlackBot } from "./slack-harness.ts";

loopbackOnly();

describe("Slack, Teams and the REST API on one server", () => {
  it("serves /slack/events, /api/messages, the REST API and /health on one host and port", async () => {
    const bot = await startSlackBot({ env: { FLOWPILOT_TEAMS_ALLOW_ANONYMOUS: "true" } });
    try {
      expect(bot.server.platforms).toHaveLength(2);
      expect(bot.server.platforms.join()).toMatch(/Slack \(HTTP, \/slack\/events\)/);
      expect(bot.server.platforms.join()).toMatch(/Teams/);
      expect(await (await fetch(`${bot.server.url}/health`)).json()).toEqual({ status: "ok" });
      expect((await fetch(`${bot.server.url}/openapi.json`)).status).toBe(200);
      // Teams' endpoint is mounted (an empty activity is not a valid one, but the route answers).
      const teams = await fetch(`${bot.server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(teams.status).not.toBe(404);
      await bot.command("help");
      expect(FakeSlack.textOf(bot.fake.messages.at(-1)!)).toMatch(/flowpilot start/);
    } finally {
      await bot.close();
    }
  });
});
