import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPsaTicketPoster } from "../../../src/psa/ticket-poster.ts";
import { ACME_TICKET, type FakeConnectWise, startFakeConnectWise } from "../../support/fake-connectwise.ts";
import { FakeSlack, type FakeSlackMessage } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { ENGINEER, sessionHeader, sharedSlackBot } from "./slack-harness.ts";

loopbackOnly();

const text = FakeSlack.textOf;
const labels = (m: FakeSlackMessage) => FakeSlack.buttonsOf(m).map((b) => b.text);

/** Every action of a result, in Slack, with ConnectWise connected (a fake on 127.0.0.1). */
describe("Slack: the actions after an update", () => {
  let cw: FakeConnectWise;
  beforeAll(async () => {
    cw = await startFakeConnectWise();
    cw.addTicket(ACME_TICKET);
  });
  const bot = sharedSlackBot(() => ({
    tickets: createPsaTicketPoster(async () => cw.settings, {
      timeoutMs: 400,
      retry: { retries: 1, minDelayMs: 10, maxDelayMs: 20 },
    }),
  }));
  afterAll(async () => {
    await cw?.close();
  });

  /** A session on the fake ticket with some work done, and a quick client update in its thread. */
  async function resultInThread(request = "quick update for the client") {
    await bot.command(`start ${ACME_TICKET.id}`);
    const header = sessionHeader(bot);
    for (const line of [
      "Outbound mail to gmail bouncing with 550 5.7.26 since 08:10",
      "SPF record is missing the new mail relay, adding include for it",
      "Updated SPF and waited for propagation, test mail to gmail delivered",
    ])
      await bot.message(line, { thread: header.ts });
    await bot.message(request, { thread: header.ts });
    const result = bot.fake.messages.filter((m) => m.thread_ts === header.ts && !m.ephemeralTo).at(-1)!;
    return { header, result };
  }

  it("Copy shows the raw text to the presser only, in a code block that copies cleanly", async () => {
    const { result } = await resultInThread();
    await bot.click(result, "Copy");
    const copied = bot.fake.messages.at(-1)!;
    expect(copied.ephemeralTo).toBe(ENGINEER.id);
    expect(text(copied)).toMatch(/^```\n[\s\S]*Acme Medical Group[\s\S]*\n```/m);
  });

  it("Post to Ticket asks to confirm the visibility, then writes one external note however often it is pressed", async () => {
    const { result } = await resultInThread();
    const post = FakeSlack.buttonsOf(result).find((b) => /^Post to Ticket/.test(b.text))!;
    expect(JSON.stringify(post.confirm)).toMatch(/client|external|visible/i);
    await Promise.all([bot.click(result, /^Post to Ticket/), bot.click(result, /^Post to Ticket/)]);
    const notes = cw.notesOn(ACME_TICKET.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.detailDescriptionFlag).toBe(true);
    expect(notes[0]!.internalAnalysisFlag).toBe(false);
    expect(
      bot.fake.messages.some((m) => m.channel === bot.channel && /Posted to ticket|posted/i.test(text(m))),
    ).toBe(true);
  });

  it("Regenerate, Switch Audience and Switch Length answer in the thread", async () => {
    const { header, result } = await resultInThread();
    await bot.click(result, "Switch Audience");
    const choices = bot.fake.messages.at(-1)!;
    expect(labels(choices).join()).toMatch(/Ticket Notes/);
    await bot.click(choices, /Ticket Notes/);
    const notes = bot.fake.messages.filter((m) => m.thread_ts === header.ts && !m.ephemeralTo).at(-1)!;
    expect(text(notes)).toMatch(/SPF/);
    await bot.click(notes, /Switch Length/);
    const detailed = bot.fake.messages.filter((m) => m.thread_ts === header.ts && !m.ephemeralTo).at(-1)!;
    expect(detailed).not.toBe(notes);
    expect(text(detailed).length).toBeGreaterThan(text(notes).length);
    await bot.click(detailed, "Regenerate");
    expect(bot.fake.messages.filter((m) => m.thread_ts === header.ts).length).toBeGreaterThan(0);
  });

  it("Edit opens a modal; the submitted text replaces the update's", async () => {
    const { result } = await resultInThread();
    await bot.click(result, "Edit");
    const modal = bot.fake.callsOf("views.open").at(-1)!;
    expect(JSON.stringify(modal.args.view)).toMatch(/plain_text_input/);
    await bot.submitModal("Hi Dana, mail to Gmail flows again. We'll keep an eye on it today.");
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/Saved your edited version/);
    await bot.click(result, "Copy");
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/mail to Gmail flows again/);
    await bot.command("history");
    const history = bot.fake.messages.at(-1)!;
    expect(history.ephemeralTo).toBe(ENGINEER.id);
    expect(text(history)).toMatch(/Updates \(1\)/);
  });

  it("Set Reminder offers 15/30/60/custom to the presser; a choice replaces the offer, a custom one asks in a modal", async () => {
    const { result } = await resultInThread();
    await bot.click(result, "Set Reminder");
    const offer = bot.fake.messages.at(-1)!;
    expect(offer.ephemeralTo).toBe(ENGINEER.id);
    expect(labels(offer).join()).toMatch(/15.*30.*60|Custom/s);
    await bot.click(offer, /15/);
    // The ephemeral offer is replaced through its response_url (chat.update cannot touch ephemerals).
    const replaced = bot.fake.responses.at(-1)!;
    expect(replaced.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced.body)).toMatch(/15 min|remind/i);

    await bot.click(result, "Set Reminder");
    await bot.click(bot.fake.messages.at(-1)!, /Custom/);
    expect(bot.fake.callsOf("views.open").length).toBeGreaterThan(0);
    await bot.submitModal("45");
    expect(JSON.stringify(bot.fake.responses.at(-1)!.body)).toMatch(/45|remind/i);
  });

  it("Resolve from the header asks what fixed it, cancels reminders and writes the closing drafts", async () => {
    const { header } = await resultInThread();
    await bot.command("remind 30");
    await bot.click(header, "Resolve");
    await bot.submitModal("Added the relay to SPF; Gmail accepts our mail again");
    const thread = bot.fake.messages.filter((m) => m.thread_ts === header.ts && !m.ephemeralTo);
    const all = thread.map(text).join("\n");
    expect(all).toMatch(/Reminder cancelled/);
    expect(all).toMatch(/Acme Medical Group|Dana/);
    const drafts = thread.at(-1)!;
    await bot.click(drafts, /Skip/);
    const skipped = bot.fake.messages.at(-1)!;
    expect(skipped.ephemeralTo).toBe(ENGINEER.id);
    expect(text(skipped)).toMatch(/Skipped — nothing was sent/);
    await bot.message("one more thing", { thread: header.ts, mention: true });
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/resolved/);
  });
});

describe("Slack: session controls and the rest of the buttons", () => {
  const bot = sharedSlackBot();

  async function session() {
    await bot.command("start T-640 Teams calls drop after 30 seconds --client Harbor Dental");
    const header = sessionHeader(bot);
    await bot.message("Calls drop at 30 s for everyone in the office since the ISP change", {
      thread: header.ts,
    });
    await bot.message("SIP ALG on the new router rewrites the media ports, turning it off", {
      thread: header.ts,
    });
    return header;
  }
  const thread = (header: FakeSlackMessage) =>
    bot.fake.messages.filter((m) => m.thread_ts === header.ts && !m.ephemeralTo);

  it("Pause and Resume from the header answer in its thread; an @mention asks for an update", async () => {
    const header = await session();
    await bot.click(header, "Pause");
    expect(text(thread(header).at(-1)!)).toMatch(/Paused/);
    await bot.click(thread(header).at(-1)!, "Resume");
    expect(text(thread(header).at(-1)!)).toMatch(/Active/);
    await bot.message("detailed ticket notes please", { thread: header.ts, mention: true });
    expect(text(thread(header).at(-1)!)).toMatch(/SIP ALG/);
  });

  it("👍/👎 thank the presser only; history entries expand; Escalate asks why and writes the handoff", async () => {
    const header = await session();
    await bot.message("quick update for the client", { thread: header.ts });
    const result = thread(header).at(-1)!;
    await bot.click(result, "👍");
    expect(bot.fake.messages.at(-1)!.ephemeralTo).toBe(ENGINEER.id);
    await bot.click(result, "👎");
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/Changed your rating from 👍 to 👎/);
    await bot.command("history");
    const history = bot.fake.messages.at(-1)!;
    const expand = FakeSlack.buttonsOf(history)[0]!;
    await bot.click(history, expand.text);
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/Harbor Dental/);
    await bot.click(header, "Escalate");
    await bot.submitModal("Needs the ISP to change the modem mode; handing to network team");
    const all = thread(header).map(text).join("\n");
    expect(all).toMatch(/Escalat/);
    await bot.message("anything new?", { thread: header.ts, mention: true });
    expect(text(bot.fake.messages.at(-1)!)).toMatch(/escalated/);
  });
});
