import { describe, expect, it } from "vitest";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { ENGINEER, sharedSlackBot, threadMessages } from "./slack-harness.ts";

loopbackOnly();

const text = FakeSlack.textOf;

describe("FlowPilot in a Slack thread", () => {
  const bot = sharedSlackBot();

  async function startSession() {
    const res = await bot.command("start T-4821 VPN drops for remote staff --client Harbor Dental");
    expect(res.status).toBe(200);
    const header = bot.fake.messages.find(
      (m) => m.channel === bot.channel && !m.thread_ts && !m.ephemeralTo && /T-4821/.test(text(m)),
    );
    expect(header, JSON.stringify(bot.fake.messages)).toBeDefined();
    return header!;
  }

  async function troubleshoot(thread: string) {
    for (const line of [
      "Remote staff lose the VPN every 20 minutes since this morning",
      "Checked the firewall logs: IKE phase 2 rekey fails on the tunnel",
      "Lifetime mismatch between the firewall and the client profile, fixing the profile now",
    ])
      await bot.message(line, { thread });
  }

  it("posts the session header with its action bar; the header's thread is the session", async () => {
    const header = await startSession();
    expect(text(header)).toMatch(/Harbor Dental/);
    const labels = FakeSlack.buttonsOf(header).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(["Escalate", "Pause", "Resolve"]));
    expect(text(header)).toMatch(/Share Update is available after/);
    await troubleshoot(header.ts);
    // Enough messages now: the header was refreshed in place and Share Update is a live button.
    expect(FakeSlack.buttonsOf(header).map((b) => b.text)).toContain("Share Update");
    expect(text(header)).not.toMatch(/Share Update is available after/);
    await bot.message("quick update for the client", { thread: header.ts });
    const replies = threadMessages(bot, header.ts).filter((m) => m.thread_ts === header.ts && !m.ephemeralTo);
    const result = replies.at(-1)!;
    expect(text(result)).toMatch(/Harbor Dental/);
    expect(text(result)).not.toMatch(/IKE|firewall logs/i);
    // "Generating update..." was replaced in place by the result.
    expect(result.updated).toBe(1);
    // No PSA is connected, so Post to Ticket is not offered.
    expect(FakeSlack.buttonsOf(result).map((b) => b.text)).toEqual(
      expect.arrayContaining(["Copy", "Regenerate", "Switch Audience", "Set Reminder", "Edit"]),
    );
    expect(
      bot.fake.callsOf("chat.postMessage").every((c) => c.token === "xoxb-1111-2222-flowpilot-test"),
    ).toBe(true);
  });

  it("/flowpilot-update typed in the channel answers in the session's thread; outside a session it says how to start", async () => {
    await bot.command("detailed ticket notes", { command: "/flowpilot-update" });
    const hint = bot.fake.messages.at(-1)!;
    expect(hint.channel).toBe(bot.channel);
    expect(hint.ephemeralTo).toBe(ENGINEER.id);
    expect(text(hint)).toMatch(/\/flowpilot start/);

    const header = await startSession();
    await troubleshoot(header.ts);
    await bot.command("detailed ticket notes", { command: "/flowpilot-update" });
    const result = bot.fake.messages.at(-1)!;
    expect(result.thread_ts).toBe(header.ts);
    expect(text(result)).toMatch(/IKE|rekey|lifetime/i);
  });

  it("/flowpilot name says the name comes from the Slack profile; /flowpilot resolve without its text still answers with its usage", async () => {
    await bot.command("name Sam the Engineer");
    const name = bot.fake.messages.at(-1)!;
    expect(name.ephemeralTo).toBe(ENGINEER.id);
    expect(text(name)).toMatch(/name in your Slack or Teams profile/);
    await startSession();
    await bot.command("resolve");
    const usage = bot.fake.messages.at(-1)!;
    expect(usage.ephemeralTo).toBe(ENGINEER.id);
    expect(text(usage)).toMatch(/What fixed it\? Usage: \/flowpilot resolve <what fixed it>/);
  });

  it("selection steps are buttons; each pressed picker is replaced in place, not left live", async () => {
    const header = await startSession();
    await troubleshoot(header.ts);
    await bot.click(header, "Share Update");
    const picker = bot.fake.messages.at(-1)!;
    expect(picker.thread_ts).toBe(header.ts);
    expect(FakeSlack.buttonsOf(picker).map((b) => b.text)).toEqual([
      "📋 Ticket Notes",
      "👤 Client Update",
      "✉️ Email Draft",
    ]);
    await bot.click(picker, /Email Draft/);
    expect(bot.fake.messages.at(-1)).toBe(picker);
    const lengths = FakeSlack.buttonsOf(picker).map((b) => b.text);
    expect(lengths.some((l) => /Quick/.test(l)) && lengths.some((l) => /Detailed/.test(l))).toBe(true);
    await bot.click(picker, /Detailed/);
    // The length picker became the placeholder and then the draft: no live picker remains.
    expect(text(picker)).toMatch(/Subject:.*T-4821/s);
    const now = FakeSlack.buttonsOf(picker).map((b) => b.text);
    expect(now).toContain("Copy");
    expect(now.filter((label) => lengths.includes(label))).toEqual([]);
    // Nowhere in the thread is a length picker still live.
    const live = bot.fake.messages.filter(
      (m) => m.thread_ts === header.ts && FakeSlack.buttonsOf(m).some((b) => lengths.includes(b.text)),
    );
    expect(live).toHaveLength(0);
  });
});
