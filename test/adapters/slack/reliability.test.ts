import { describe, expect, it } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { ENGINEER, sessionHeader, sharedSlackBot, sign } from "./slack-harness.ts";

loopbackOnly();

const text = FakeSlack.textOf;

describe("Slack: signatures, retries, duplicates, outages and other workspaces", () => {
  const bot = sharedSlackBot();

  async function sessionWithWork() {
    await bot.command("start T-77 Scanner to email fails --client Harbor Dental");
    const header = sessionHeader(bot);
    await bot.message("Scan to email fails with an authentication error since the password change", {
      thread: header.ts,
    });
    await bot.message("Updated the scanner's SMTP credentials, test scan delivered", { thread: header.ts });
    return header;
  }

  async function updatesCount(): Promise<string> {
    await bot.command("history");
    return /Updates \((\d+)\)/.exec(text(bot.fake.messages.at(-1)!))?.[1] ?? "0";
  }

  it("refuses bad, missing, stale and future-dated signatures with 401, doing nothing", async () => {
    const body = new URLSearchParams({
      command: "/flowpilot",
      text: "help",
      team_id: "T0ACME",
      user_id: "U0SAM",
      channel_id: bot.channel,
    }).toString();
    const form = "application/x-www-form-urlencoded";
    const calls = bot.fake.calls.length;
    const now = Math.floor(Date.now() / 1000);
    expect((await bot.send(body, form, { signature: sign(body, now, "not-the-secret") })).status).toBe(401);
    expect((await bot.send(body, form, { signature: "" })).status).toBe(401);
    expect((await bot.send(body, form, { timestamp: now - 400 })).status).toBe(401);
    expect((await bot.send(body, form, { timestamp: now + 400 })).status).toBe(401);
    // A signature over another body (tampered in transit).
    expect((await bot.send(body, form, { signature: sign(`${body}x`, now) })).status).toBe(401);
    await bot.settle();
    expect(bot.fake.calls.length).toBe(calls);
    // Each refusal is logged with its reason in plain words.
    const refusals = bot
      .logLines()
      .filter((l) => l.msg === "slack request refused")
      .map((l) => l.refusal);
    expect(refusals.slice(-5)).toEqual([
      "bad signature",
      "missing signature headers",
      "stale or future timestamp",
      "stale or future timestamp",
      "bad signature",
    ]);
    // The secret never reaches a log line.
    expect(bot.logs.join("")).not.toContain("8f742231b10e8888abcd99yez67291");
  });

  it("answers Slack's URL verification challenge", async () => {
    const res = await bot.send(
      JSON.stringify({ type: "url_verification", challenge: "3eZbrw1aBm" }),
      "application/json",
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "3eZbrw1aBm" });
  });

  it("a retried delivery of the same event (X-Slack-Retry-Num) writes one update", async () => {
    const header = await sessionWithWork();
    await bot.message("quick update for the client", { thread: header.ts, eventId: "EvRETRIED1" });
    await bot.message("quick update for the client", {
      thread: header.ts,
      eventId: "EvRETRIED1",
      retryNum: 1,
    });
    expect(await updatesCount()).toBe("1");
  });

  it("a double click on a length picker produces one update", async () => {
    const header = await sessionWithWork();
    await bot.command("session");
    await bot.click(bot.fake.messages.at(-1)!, "Share Update");
    const picker = bot.fake.messages.at(-1)!;
    await bot.click(picker, /Client Update/);
    expect(picker.thread_ts).toBe(header.ts);
    await Promise.all([bot.click(picker, /Quick/), bot.click(picker, /Quick/)]);
    expect(await updatesCount()).toBe("1");
  });

  it("waits out a 429 (Retry-After) and retries a 500; the message arrives once", async () => {
    const header = await sessionWithWork();
    bot.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    bot.fake.failNext("chat.postMessage", { status: 500 });
    const before = bot.fake.callsOf("chat.postMessage").length;
    await bot.message("client update, detailed", { thread: header.ts });
    const posts = bot.fake.callsOf("chat.postMessage").slice(before);
    expect(posts.length).toBe(3);
    expect(
      bot.fake.messages.filter((m) => m.thread_ts === header.ts && /Generating/.test(m.text)).length,
    ).toBe(0);
    expect(text(bot.fake.messages.filter((m) => m.thread_ts === header.ts).at(-1)!)).toMatch(/Harbor Dental/);
  });

  it("when Slack keeps failing the update is still stored, and history shows it", async () => {
    const header = await sessionWithWork();
    bot.fake.failNext("chat.update", { status: 500 }, 4);
    await bot.message("quick ticket notes", { thread: header.ts });
    expect(await updatesCount()).toBe("1");
  });

  it("a button pressed in another workspace than SLACK_BOT_TOKEN's is refused, and the log says why", async () => {
    const header = await sessionWithWork();
    const posted = bot.fake.calls.length;
    await bot.click(header, "Pause", { team: "T0INTRUDER", user: "U0MALLORY" });
    expect(bot.fake.calls.slice(posted).filter((c) => c.method.startsWith("chat."))).toEqual([]);
    const refused = bot.logLines().find((l) => l.msg === "slack event refused");
    expect(refused).toMatchObject({
      level: 40,
      refusal: "unknown workspace: the event's team is not the workspace SLACK_BOT_TOKEN belongs to",
      team: "T0INTRUDER",
    });
    await bot.command("session");
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/Active/);
  });

  it("where chat.postEphemeral cannot reach (a DM with the bot), help arrives through the response_url", async () => {
    bot.fake.failNext("chat.postEphemeral", { status: 200, error: "channel_not_found" });
    await bot.command("help", { channel: `D${ENGINEER.id}` });
    const answer = bot.fake.responses.at(-1)!;
    expect(answer.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.body)).toMatch(/flowpilot start/);
  });

  it("in a channel FlowPilot is not in, says how to invite it", async () => {
    bot.fake.failNext("chat.postMessage", { status: 200, error: "not_in_channel" });
    await bot.command("start T-78 Printer jam");
    const hint = bot.fake.messages.at(-1)!;
    expect(hint.ephemeralTo).toBe(ENGINEER.id);
    expect(text(hint)).toMatch(/\/invite @FlowPilot/);
  });
});
