import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { offlineWriter } from "../../../src/engine/writers/offline/index.ts";
import type { UpdateWriter } from "../../../src/engine/writers/types.ts";
import { clarifyingPhrase } from "../../intents/support/uncertain.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { cardProblems } from "./support/card-validator.ts";
import { type Place, PRIYA, type Shown, startTeams, type TeamsHarness } from "./support/teams-harness.ts";

loopbackOnly();

/**
 * Every flow of FlowPilot in Teams, through the real server and botbuilder
 * with authentication on: typed commands (with the bot's @mention, or in
 * the personal chat), session chatter, Universal Actions invokes for every
 * button, answered with the card that replaces the pressed one. One server
 * for the file; each test works in its own channel thread.
 */
/** The offline writer, held back while a test keeps `writing` unresolved (a model call in progress). */
let writing: Promise<void> | undefined;
const heldWriter: UpdateWriter = {
  name: "offline",
  write: async (input) => {
    await writing;
    return offlineWriter.write(input);
  },
};

let t: TeamsHarness;
beforeAll(async () => {
  t = await startTeams({ writer: heldWriter });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  // Every card shown in this file parses cleanly with the adaptivecards SDK.
  const problems = t.shown().flatMap((s) => (s.card ? cardProblems(s.card).map((p) => `${s.id}: ${p}`) : []));
  await t.stop();
  expect(problems).toEqual([]);
});

const inThread = (place: Place) => (s: Shown) =>
  s.conversationId.endsWith(`;messageid=${(place as { root: string }).root}`);

/** Past the 3 s in which a second press of the same button (or a repeated request) is a double click. */
function aMomentLater() {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 5_000);
}

/** A session in a new channel thread with two messages of troubleshooting. */
async function sessionWithChatter(): Promise<Place> {
  const { place } = await t.say("start 48213 VPN down --client Acme", { mention: true });
  await t.say("tunnel drops every 50 minutes, IKE logs show DPD timeouts", { place });
  await t.say("replaced the firewall rule for UDP 4500, testing now", { place });
  return place;
}

async function clientUpdate(place: Place): Promise<Shown> {
  await t.say("update quick for the client", { place, mention: true });
  return t.latest("Client Update", inThread(place));
}

describe("follow-ups to the update on screen and the clarifying question, typed in the thread", () => {
  it("'make that an email' writes the email draft below; 'more detail' the detailed one", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    await t.say("make that an email", { place });
    const email = t.latest("✉️ Email Draft", inThread(place));
    expect(email.id).not.toBe(result.id);
    expect(email.text).toMatch(/Subject:.*48213/);
    await t.say("more detail", { place });
    expect(t.latest("✉️ Email Draft", inThread(place)).text).toContain("Detailed ·");
  });

  it("chatter after an update gets no reply", async () => {
    const place = await sessionWithChatter();
    await clientUpdate(place);
    const before = t.shown().length;
    await t.say("looks good 👍", { place });
    await t.say("rebooting the firewall now", { place });
    expect(t.shown().length).toBe(before);
  });

  it("an unfamiliar request gets 'Want an update?' with Client · Ticket · Email; Client asks the length", async () => {
    const place = await sessionWithChatter();
    await t.say(clarifyingPhrase(), { place });
    const question = t.latest("Want an update?", inThread(place));
    expect(question.buttons).toEqual(["👤 Client", "📋 Ticket", "✉️ Email"]);
    await t.press(question, "👤 Client");
    expect(t.latest("How detailed?", inThread(place))).toBeTruthy();
  });
});

describe("typed commands and session chatter", () => {
  it("starts a session in the channel thread where the bot was mentioned, with the header card", async () => {
    const { status, place } = await t.say("start 48213 VPN down --client Acme", { mention: true });
    expect(status).toBe(200);
    const header = t.latest("48213 — VPN down", inThread(place));
    expect(header.text).toContain("Client: Acme");
    expect(header.buttons).toEqual(["Escalate", "Submit", "Pause", "Resolve"]);
    expect(header.text).toContain("Share Update is available after at least 2 message exchanges");
  });

  it("records thread chatter without a mention, even when it starts with a command word", async () => {
    const { place } = await t.say("start 48213 Printer offline", { mention: true });
    await t.say("resolve the DNS name first, then ping the printer", { place });
    await t.say("<at>Dana Ruiz</at> says the spooler restarted cleanly", { place });
    await t.say("session", { place, mention: true });
    const header = t.latest("48213 — Printer offline", inThread(place));
    expect(header.text).toContain("Messages: 2");
    expect(header.text).toContain("Status: Active");
    expect(
      t
        .shown()
        .filter(inThread(place))
        .some((s) => /resolved/i.test(s.text)),
    ).toBe(false);
  });

  it("a typed update request shows Generating update... and replaces it in place with the result", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    expect(result.versions).toBe(2);
    expect(result.text).not.toContain("Generating");
    expect(result.text).toContain("Hi Acme");
    expect(result.buttons).toEqual([
      "Copy",
      "Post to Ticket (visible to client)",
      "Post to Ticket",
      "Regenerate",
      "Switch Audience",
      "Switch Length → Detailed",
      "Set Reminder",
      "Edit",
      "Submit",
      "👍",
      "👎",
    ]);
  });

  it("the session's commands typed to the bot: remind, edit, pause, resume, member, resolve", async () => {
    const place = await sessionWithChatter();
    await clientUpdate(place);
    await t.say("remind 45m", { place, mention: true });
    expect(t.inPersonalChat().at(-1)!.text).toContain("Reminder set: in 45 min");
    await t.say("edit Hi Acme, the tunnel is stable again.", { place, mention: true });
    expect(t.latest("Saved your edited version", inThread(place))).toBeTruthy();
    await t.say("pause waiting for the ISP", { place, mention: true });
    expect(t.latest("Status: Paused", inThread(place)).buttons).toContain("Resume");
    await t.say("resume", { place, mention: true });
    expect(t.latest("Status: Active", inThread(place)).buttons).toContain("Pause");
    await t.say("member sokafor", { mention: true });
    expect(t.inPersonalChat().at(-1)!.text).toContain(
      "Mapped: ticket notes you post are written as Sam Okafor",
    );
    await t.say("resolve re-keyed the IPsec tunnel", { place, mention: true });
    expect(t.latest("Session resolved", inThread(place)).text).toContain("Resolution notes");
    expect(t.latest("Reminder cancelled", inThread(place))).toBeTruthy();
  });

  it("works in the personal chat with the bot without a mention", async () => {
    const place = t.personal(PRIYA);
    await t.say("start 48213 Laptop will not boot", { place, from: PRIYA });
    const header = t.latest("48213 — Laptop will not boot");
    expect(header.conversationId).toBe(`a:personal-${PRIYA.id}`);
  });

  it("help goes to the engineer's personal chat; a mention outside a session says how to start one", async () => {
    const { place } = await t.say("help", { mention: true });
    expect(t.latest("FlowPilot").conversationId).toMatch(/^a:personal-/);
    const { place: other } = await t.say("what is going on here?", { mention: true });
    expect(t.latest("no FlowPilot session here yet", inThread(other)).text).toContain("Not recorded");
    expect(t.shown().filter(inThread(place))).toEqual([]);
  });

  it("/flowpilot name says the name comes from the Teams profile; help does not offer it", async () => {
    await t.say("/flowpilot name Priya Shah", { mention: true });
    expect(t.latest("name in your Slack or Teams profile").conversationId).toMatch(/^a:personal-/);
    await t.say("help", { mention: true });
    const help = t.latest("FlowPilot");
    expect(help.text).toMatch(/\/flowpilot member/);
    expect(help.text).not.toMatch(/\/flowpilot name/);
  });

  it("team templates: everyone can read them, only a team owner can change them", async () => {
    await t.say("settings", { mention: true });
    const forMember = t.inPersonalChat().at(-1)!;
    expect(forMember.text).toContain("client_tone");
    expect(forMember.text).not.toContain("change: /flowpilot settings");
    await t.say("settings client_tone friendly", { mention: true });
    expect(t.inPersonalChat().at(-1)!.text).toContain("Only workspace admins can change");
    await t.say("settings client_tone friendly", { mention: true, from: PRIYA });
    expect(t.inPersonalChat(PRIYA).at(-1)!.text).toContain("Saved: client_tone = friendly");
    await t.say("settings", { mention: true, from: PRIYA });
    expect(t.inPersonalChat(PRIYA).at(-1)!.text).toContain("change: /flowpilot settings");
  });
});

describe("buttons (Action.Execute invokes)", () => {
  it("Share Update -> audience -> length: each answer is the next card, then the result replaces it", async () => {
    const place = await sessionWithChatter();
    // The header posted at the start came alive in place once the session had two messages.
    const header = t.latest("48213 — VPN down", inThread(place));
    expect(header.versions).toBe(2);
    expect(header.text).toContain("Messages: 2");
    expect(header.buttons).toContain("Share Update");
    const shared = await t.press(header, "Share Update");
    // The header stays as it was; the picker is a new message.
    expect(shared.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(JSON.stringify(shared.body.value)).toBe(JSON.stringify(header.card));
    const picker = t.latest("Who is this update for?", inThread(place));
    expect(picker.buttons).toEqual(["📋 Ticket Notes", "👤 Client Update", "✉️ Email Draft"]);

    const audience = await t.press(picker, "📋 Ticket Notes");
    expect(JSON.stringify(audience.body.value)).toContain("How detailed?");
    const length = t.shown().find((s) => s.id === picker.id)!;
    expect(length.text).toContain("How detailed?");
    expect(length.buttons).toEqual(["Quick", "Detailed"]);

    const picked = await t.press(length, "Detailed");
    expect(JSON.stringify(picked.body.value)).toContain("Generating");
    const result = t.shown().find((s) => s.id === picker.id)!;
    expect(result.text).toContain("📋 Ticket Notes");
    expect(result.text).not.toContain("Generating");
    expect(result.buttons).toContain("Post to Ticket (internal note)");
  });

  it("a length pressed while the writer is busy is answered at once; the result comes through the connector", async () => {
    const place = await sessionWithChatter();
    await t.say("update", { place, mention: true });
    const picker = t.latest("Who is this update for?", inThread(place));
    await t.press(picker, "👤 Client Update");
    let finishWriting!: () => void;
    writing = new Promise((resolve) => {
      finishWriting = resolve;
    });
    try {
      const answer = await t.deliver(t.invoke(t.shown().find((s) => s.id === picker.id)!, "Quick"));
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body.value)).toContain("Generating");
      expect(t.shown().find((s) => s.id === picker.id)!.text).not.toContain("Hi Acme");
    } finally {
      finishWriting();
      writing = undefined;
    }
    await t.server.settle();
    expect(t.shown().find((s) => s.id === picker.id)!.text).toContain("Hi Acme");
  });

  it("Copy shows the exact text in the personal chat as a literal monospace run, the card stays", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    const answer = await t.press(result, "Copy");
    expect(JSON.stringify(answer.body.value)).toBe(JSON.stringify(result.card));
    const copied = t.inPersonalChat().at(-1)!;
    expect(copied.text).toContain("Marked as copied");
    const runs = JSON.stringify(copied.card);
    expect(runs).toContain('"type":"RichTextBlock"');
    expect(runs).toContain('"fontType":"Monospace"');
    const content = result.card.body[2].items[0].inlines[0].text as string;
    expect(copied.card.body[0].items[0].inlines[0].text).toBe(content);
  });

  it("Post to Ticket asks to confirm a client-visible note, then posts exactly one note", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    expect(result.text).toContain("Post a client-visible note?");
    const notesBefore = t.cw.notesOn(48213).length;
    await t.press(result, "Post to Ticket (visible to client)");
    expect(t.cw.notesOn(48213).length).toBe(notesBefore + 1);
    expect(t.latest("Posted to ticket 48213", inThread(place)).text).toContain("external note");
    aMomentLater();
    await t.press(result, "Post to Ticket (visible to client)");
    expect(t.cw.notesOn(48213).length).toBe(notesBefore + 1);
    expect(t.latest("already on ticket 48213", inThread(place))).toBeTruthy();
  });

  it("Regenerate, Switch Length and Switch Audience write new versions below", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    aMomentLater();
    await t.press(result, "Regenerate");
    const regenerated = t.latest("Client Update", inThread(place));
    expect(regenerated.id).not.toBe(result.id);
    expect(regenerated.versions).toBe(2);
    // The older card's buttons that act on the newest update only say so.
    await t.press(result, "Switch Length → Detailed");
    expect(t.inPersonalChat().at(-1)!.text).toContain("That update is outdated");
    await t.press(regenerated, "Switch Length → Detailed");
    const detailed = t.latest("Detailed ·", inThread(place));
    expect(detailed.id).not.toBe(result.id);
    await t.press(detailed, "Switch Audience");
    const options = t.latest("Switch to which audience?", inThread(place));
    expect(options.buttons).toEqual(["📋 Ticket Notes", "✉️ Email Draft"]);
    await t.press(options, "✉️ Email Draft");
    expect(t.latest("✉️ Email Draft", inThread(place)).text).toContain("Subject");
  });

  it("Edit takes the text typed on the card; Copy then uses it", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    await t.press(result, "Edit", { input: "Hi Acme, the VPN is stable again after a firewall change." });
    expect(t.latest("Saved your edited version", inThread(place))).toBeTruthy();
    await t.press(result, "Copy");
    expect(t.inPersonalChat().at(-1)!.text).toContain("the VPN is stable again after a firewall change.");
  });

  it("Set Reminder offers times in the personal chat; a choice or a typed duration sets it", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    await t.press(result, "Set Reminder");
    const options = t.inPersonalChat().at(-1)!;
    expect(options.buttons).toEqual(["15 min", "30 min", "1 hour", "Custom", "Submit"]);
    const chosen = await t.press(options, "30 min");
    expect(JSON.stringify(chosen.body.value)).toContain("Reminder set: in 30 min");
    expect(t.shown().find((s) => s.id === options.id)!.text).toContain("Reminder set: in 30 min");

    aMomentLater();
    await t.press(result, "Set Reminder");
    const again = t.inPersonalChat().at(-1)!;
    await t.press(again, "Custom", { input: "nonsense" });
    expect(t.inPersonalChat().at(-1)!.text).toContain('"nonsense" is not a duration');
    await t.press(again, "Custom", { input: "1h30m" });
    expect(t.shown().find((s) => s.id === again.id)!.text).toContain("Reminder set: in 1 h 30 min");
  });

  it("feedback buttons answer the presser only", async () => {
    const place = await sessionWithChatter();
    const result = await clientUpdate(place);
    await t.press(result, "👍");
    expect(t.inPersonalChat().at(-1)!.text).toContain("glad it helped");
    await t.press(result, "👎");
    expect(t.inPersonalChat().at(-1)!.text).toContain("Changed your rating");
  });

  it("history is a card with a Show button per update", async () => {
    const place = await sessionWithChatter();
    await clientUpdate(place);
    await t.say("history", { place, mention: true });
    const history = t.inPersonalChat().at(-1)!;
    expect(history.text).toContain("Updates (1)");
    expect(history.buttons).toEqual(["Show"]);
    await t.press(history, "Show");
    expect(t.inPersonalChat().at(-1)!.text).toContain("Hi Acme");
  });

  it("Pause and Resume from the header", async () => {
    const place = await sessionWithChatter();
    const header = t.latest("48213 — VPN down", inThread(place));
    await t.press(header, "Pause");
    const paused = t.latest("Status: Paused", inThread(place));
    expect(paused.buttons).toContain("Resume");
    await t.press(paused, "Resume");
    expect(t.latest("Status: Active", inThread(place)).buttons).toContain("Pause");
  });

  it("Resolve takes the summary typed on the card and shows the resolution drafts in place", async () => {
    const place = await sessionWithChatter();
    const header = t.latest("48213 — VPN down", inThread(place));
    await t.press(header, "Resolve", { input: "Re-keyed the IPsec tunnel; no drops for an hour" });
    const resolved = t.latest("Session resolved", inThread(place));
    expect(resolved.versions).toBe(2);
    expect(resolved.text).toContain("Resolution notes");
    expect(resolved.buttons).toContain("Skip");
    await t.press(resolved, "Skip");
    expect(t.inPersonalChat().at(-1)!.text).toContain("Skipped");
  });

  it("Escalate takes the reason typed on the card", async () => {
    const place = await sessionWithChatter();
    const header = t.latest("48213 — VPN down", inThread(place));
    await t.press(header, "Escalate", { input: "Needs the network team: ISP side suspected" });
    expect(t.latest("Session escalated", inThread(place)).text).toContain("Handoff note");
  });
});
