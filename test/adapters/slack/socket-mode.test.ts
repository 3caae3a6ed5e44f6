import { describe, expect, it, vi } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { CHANNEL, ENGINEER, startSlackBot } from "./slack-harness.ts";

loopbackOnly();

/** Socket Mode work is not awaited by the server's settle(): wait for what the user would see, patiently. */
const PATIENT = { timeout: 20_000, interval: 50 };

describe("Slack in Socket Mode (SLACK_APP_TOKEN: no public URL)", () => {
  it("connects through apps.connections.open, acknowledges envelopes and answers a slash command", async () => {
    const fake = await FakeSlack.start();
    const bot = await startSlackBot({
      fake,
      env: { SLACK_APP_TOKEN: "xapp-1-A0FLOW-socket-test", SLACK_SIGNING_SECRET: "" },
    });
    try {
      expect(bot.server.platforms).toEqual(["Slack (Socket Mode)"]);
      // Once to check the app token at start-up, once for the connection.
      const open = fake.callsOf("apps.connections.open");
      expect(open.map((call) => call.token)).toEqual([
        "xapp-1-A0FLOW-socket-test",
        "xapp-1-A0FLOW-socket-test",
      ]);
      await vi.waitFor(() => expect(fake.socketConnections).toBe(1), PATIENT);
      // No HTTP events endpoint is served in Socket Mode.
      expect((await fetch(`${bot.server.url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(
        404,
      );

      fake.sendEnvelope({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          team_id: fake.team.id,
          channel_id: CHANNEL,
          user_id: ENGINEER.id,
          command: "/flowpilot",
          text: "start T-300 Shared drive missing --client Harbor Dental",
          api_app_id: "A0FLOW",
          response_url: fake.responseUrl("socket-1"),
          trigger_id: "trigger-socket-1",
        },
      });
      await vi.waitFor(() => expect(fake.socketAcks.has("env-1")).toBe(true), PATIENT);
      await vi.waitFor(
        () => expect(fake.messages.some((m) => /T-300/.test(FakeSlack.textOf(m)) && !m.thread_ts)).toBe(true),
        PATIENT,
      );
    } finally {
      await bot.close();
      await fake.close();
    }
  });

  it("after a drop, a reconnection Slack answers with an error is logged and tried again until it connects", async () => {
    const fake = await FakeSlack.start();
    const bot = await startSlackBot({
      fake,
      env: { SLACK_APP_TOKEN: "xapp-1-A0FLOW-socket-test", SLACK_SIGNING_SECRET: "" },
    });
    try {
      await vi.waitFor(() => expect(fake.socketConnections).toBe(1), PATIENT);
      // Each attempt of the client's first reconnection (the call and its two retries) gets a 500.
      fake.failNext("apps.connections.open", { status: 500 }, 3);
      fake.dropSockets();
      await vi.waitFor(() => expect(fake.socketConnections).toBe(0), PATIENT);
      await vi.waitFor(() => expect(fake.socketConnections).toBe(1), PATIENT);
      const failed = bot.logLines().find((l) => l.msg === "slack: Socket Mode could not reconnect");
      expect(failed).toMatchObject({
        level: 50,
        err: `Slack could not be reached at ${fake.apiUrl} (apps.connections.open: HTTP 500)`,
      });
      expect(fake.callsOf("apps.connections.open")).toHaveLength(6);
    } finally {
      await bot.close();
      await fake.close();
    }
  });
});
