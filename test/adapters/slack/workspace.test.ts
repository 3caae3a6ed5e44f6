import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { ENGINEER, type SlackBot, startSlackBot } from "./slack-harness.ts";

loopbackOnly();

// biome-ignore lint/suspicious/noExplicitAny: Slack payloads as JSON
type Json = any;
const ADMIN = { id: "U0ADMIN", name: "Alex Admin", isAdmin: true };
const form = "application/x-www-form-urlencoded";
const interactive = (payload: Json) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

describe("Slack App Home", () => {
  let bot: SlackBot;
  beforeAll(async () => {
    bot = await startSlackBot();
    bot.fake.users.set(ADMIN.id, ADMIN);
  });
  afterAll(async () => {
    await bot?.close();
  });

  async function openHome(user: string) {
    const body = JSON.stringify({
      team_id: bot.fake.team.id,
      api_app_id: "A0FLOW",
      type: "event_callback",
      event_id: `EvHome${Math.random()}`,
      event_time: 1,
      event: { type: "app_home_opened", user, channel: `D${user}`, tab: "home", event_ts: "1.0" },
    });
    await bot.send(body, "application/json");
    await bot.settle();
    const published = bot.fake.callsOf("views.publish").at(-1)!;
    expect(published.args.user_id).toBe(user);
    return published.args.view as Json;
  }

  it("shows the engineer's open sessions with their update history, and the templates read-only", async () => {
    bot.newChannel();
    await bot.command("start T-512 Outlook keeps asking for a password --client Harbor Dental");
    const header = bot.fake.messages.find((m) => m.channel === bot.channel && !m.thread_ts)!;
    await bot.message("Outlook prompts for credentials every few minutes since Monday", {
      thread: header.ts,
    });
    await bot.message("Cleared the cached credentials and re-created the profile", { thread: header.ts });
    await bot.message("quick update for the client", { thread: header.ts });
    const home = await openHome(ENGINEER.id);
    const shown = FakeSlack.textOf({ text: "", blocks: home.blocks });
    expect(home.type).toBe("home");
    expect(shown).toMatch(/T-512 — Outlook keeps asking for a password/);
    expect(shown).toMatch(/Client Update \(Quick\)/);
    expect(shown).toMatch(/Only workspace admins can change these/);
    expect(FakeSlack.buttonsOf({ blocks: home.blocks }).map((b) => b.text)).not.toContain("Edit templates");
  });

  it("lets a workspace admin edit the team templates in a modal; a non-admin's submission is refused", async () => {
    const home = await openHome(ADMIN.id);
    const edit = FakeSlack.buttonsOf({ blocks: home.blocks }).find((b) => b.text === "Edit templates")!;
    expect(edit).toBeDefined();
    await bot.send(
      interactive({
        type: "block_actions",
        user: { id: ADMIN.id, team_id: bot.fake.team.id },
        team: { id: bot.fake.team.id },
        api_app_id: "A0FLOW",
        trigger_id: "trigger-home-1",
        container: { type: "view", view_id: "VHOME" },
        actions: [{ action_id: edit.action_id, value: edit.value, type: "button", action_ts: "1" }],
      }),
      form,
    );
    await bot.settle();
    const modal = bot.fake.callsOf("views.open").at(-1)!.args.view as Json;
    expect(modal.callback_id).toBe("flowpilot_templates");
    const submit = (user: string, tone: string) =>
      bot.send(
        interactive({
          type: "view_submission",
          team: { id: bot.fake.team.id },
          user: { id: user, team_id: bot.fake.team.id },
          api_app_id: "A0FLOW",
          trigger_id: "trigger-home-2",
          view: {
            id: "VMODAL",
            callback_id: modal.callback_id,
            state: {
              values: {
                client_tone: { value: { type: "static_select", selected_option: { value: tone } } },
                company_name: { value: { type: "plain_text_input", value: "Northwind IT" } },
              },
            },
          },
        }),
        form,
      );
    const refused = await submit(ENGINEER.id, "formal");
    expect(JSON.parse(refused.text)).toMatchObject({ response_action: "errors" });
    const saved = await submit(ADMIN.id, "friendly");
    expect(saved.status).toBe(200);
    expect(saved.text).toBe("");
    await bot.settle();
    const after = FakeSlack.textOf({
      text: "",
      blocks: (bot.fake.callsOf("views.publish").at(-1)!.args.view as Json).blocks,
    });
    expect(after).toMatch(/client_tone\): friendly/);
    expect(after).toMatch(/Northwind IT/);
  });
});

describe("Slack OAuth installs", () => {
  it("sends the admin to Slack's consent page, exchanges the code and stores the bot token encrypted", async () => {
    const key = randomBytes(32).toString("hex");
    const bot = await startSlackBot({
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "111.222",
        SLACK_CLIENT_SECRET: "client-secret-for-tests",
        SLACK_STATE_SECRET: "state-secret-for-tests",
        FLOWPILOT_ENCRYPTION_KEY: key,
      },
    });
    try {
      const install = await fetch(`${bot.server.url}/slack/install`, { redirect: "manual" });
      expect(install.status).toBe(302);
      const consent = new URL(install.headers.get("location")!);
      expect(consent.searchParams.get("client_id")).toBe("111.222");
      expect(consent.searchParams.get("scope")).toMatch(/chat:write/);
      const state = consent.searchParams.get("state")!;
      const cookie = install.headers.get("set-cookie")!.split(";")[0]!;
      const callback = await fetch(
        `${bot.server.url}/slack/oauth_redirect?code=c0de&state=${encodeURIComponent(state)}`,
        {
          headers: { cookie },
          redirect: "manual",
        },
      );
      expect(callback.status).toBeLessThan(400);
      expect(bot.fake.callsOf("oauth.v2.access")).toHaveLength(1);
      // The stored database files never hold the token in clear.
      const files = await readdir(bot.dataDir, { recursive: true });
      for (const f of files) {
        const content = await readFile(join(bot.dataDir, f)).catch(() => Buffer.alloc(0));
        expect(content.includes("xoxb-installed-c0de")).toBe(false);
      }
      // The new workspace is served with its own token.
      bot.fake.users.set("U0OTHER", { id: "U0OTHER", name: "Kim Other" });
      await bot.command("help", { team: "T0OTHER", user: "U0OTHER" });
      expect(bot.fake.calls.at(-1)!.token).toBe("xoxb-installed-c0de");
      // A workspace that never installed the app gets nothing done for it.
      const before = bot.fake.calls.length;
      await bot.command("help", { team: "T0STRANGER" });
      expect(bot.fake.calls.slice(before).filter((c) => c.method.startsWith("chat."))).toHaveLength(0);
      expect(bot.logLines().filter((l) => l.msg === "slack event refused")).toEqual([
        expect.objectContaining({
          refusal: "unknown workspace: no installation for this team",
          team: "T0STRANGER",
        }),
      ]);
    } finally {
      await bot.close();
    }
  });
});
