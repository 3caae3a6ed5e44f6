import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineWriter } from "../../../src/engine/writers/offline/index.ts";
import { clarifyingPhrase } from "../../intents/support/uncertain.ts";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../../support/fake-openai-server.ts";
import { FakeSlack, type FakeSlackMessage } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { type SlackBot, sharedSlackBot, threadMessages } from "./slack-harness.ts";

loopbackOnly();

const text = FakeSlack.textOf;

/** A session in a fresh channel, troubleshot far enough for an update; returns its thread. */
async function troubleshoot(bot: SlackBot): Promise<string> {
  await bot.command("start T-4821 VPN drops for remote staff --client Harbor Dental");
  const header = bot.fake.messages.find((m) => m.channel === bot.channel && !m.thread_ts && !m.ephemeralTo)!;
  for (const line of [
    "Remote staff lose the VPN every 20 minutes since this morning",
    "Checked the firewall logs: IKE phase 2 rekey fails on the tunnel",
    "Lifetime mismatch between the firewall and the client profile, fixing the profile now",
  ])
    await bot.message(line, { thread: header.ts });
  return header.ts;
}

/** What FlowPilot shows in the thread (for everyone), oldest first. */
const botReplies = (bot: SlackBot, thread: string): FakeSlackMessage[] =>
  threadMessages(bot, thread).filter((m) => m.thread_ts === thread && !m.ephemeralTo && m.blocks.length > 0);

describe("follow-ups and questions in a Slack thread", () => {
  const bot = sharedSlackBot();

  it("'make that an email' writes the email draft of the session; 'shorter' the quick version", async () => {
    const thread = await troubleshoot(bot);
    await bot.message("detailed update for the client", { thread });
    const before = botReplies(bot, thread).length;
    await bot.message("make that an email", { thread });
    const email = botReplies(bot, thread).at(-1)!;
    expect(botReplies(bot, thread)).toHaveLength(before + 1);
    expect(text(email)).toMatch(/Subject:.*T-4821/);
    expect(text(email)).toMatch(/Email Draft\s+Detailed ·/);
    await bot.message("shorter", { thread });
    expect(text(botReplies(bot, thread).at(-1)!)).toMatch(/Email Draft\s+Quick ·/);
  });

  it("chatter after an update gets no reply", async () => {
    const thread = await troubleshoot(bot);
    await bot.message("quick update for the client", { thread });
    const before = bot.fake.messages.length;
    await bot.message("looks good 👍", { thread });
    await bot.message("rebooting the firewall now", { thread });
    expect(bot.fake.messages.length).toBe(before);
  });

  it("an unfamiliar request gets 'Want an update? Client · Ticket · Email'; Client goes on to the length", async () => {
    const thread = await troubleshoot(bot);
    await bot.message(clarifyingPhrase(), { thread });
    const question = botReplies(bot, thread).at(-1)!;
    expect(text(question)).toMatch(/Want an update\?/);
    expect(FakeSlack.buttonsOf(question).map((b) => b.text)).toEqual(["👤 Client", "📋 Ticket", "✉️ Email"]);
    await bot.click(question, "👤 Client");
    expect(text(botReplies(bot, thread).at(-1)!)).toMatch(/How detailed\?/);
  });
});

describe("with an LLM configured, the unfamiliar goes to it instead of a question", () => {
  let openai: FakeOpenAiServer;
  beforeAll(async () => {
    openai = await startFakeOpenAiServer();
  });
  afterAll(() => openai.close());
  const bot = sharedSlackBot(() => ({
    writer: offlineWriter,
    env: { OPENAI_API_KEY: "sk-test-turns", OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: "test-model" },
  }));
  const answer = (intent: "status_update" | "none") => ({
    kind: "content" as const,
    content: JSON.stringify({
      intent,
      audience: intent === "none" ? null : "client_update",
      length: intent === "none" ? null : "quick",
      context: null,
      confidence: 0.9,
    }),
  });

  it("a yes from the model writes the update; chatter never reaches the model", async () => {
    const thread = await troubleshoot(bot);
    expect(openai.chatRequests(), "troubleshooting lines are not sent to the model").toHaveLength(0);
    openai.enqueue(answer("status_update"));
    await bot.message(clarifyingPhrase(), { thread });
    expect(openai.chatRequests()).toHaveLength(1);
    const written = botReplies(bot, thread).at(-1)!;
    expect(text(written)).toMatch(/Client Update\s+Quick ·/);
    expect(text(written)).not.toMatch(/Want an update\?/);
  });

  it("a no from the model stays silent: no question", async () => {
    const thread = await troubleshoot(bot);
    await bot.message("Pushed the new profile to three test laptops", { thread });
    const asked = openai.chatRequests().length;
    openai.enqueue(answer("none"));
    const before = bot.fake.messages.length;
    await bot.message(clarifyingPhrase(), { thread });
    expect(openai.chatRequests()).toHaveLength(asked + 1);
    expect(bot.fake.messages.length).toBe(before);
  });
});
