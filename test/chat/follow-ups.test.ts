import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clarifyingPhrase } from "../intents/support/uncertain.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";

let h: ConsoleHarness;
beforeEach(async () => {
  h = await createConsoleHarness();
});
afterEach(() => h.cleanup());

const steps = async () =>
  (await h.prisma.session.findFirstOrThrow({ include: { steps: { orderBy: { seq: "asc" } } } })).steps;
const updates = async () =>
  (await steps())
    .filter((s) => s.stepType === "status_update")
    .map((s) => s.content as Record<string, unknown>);
const messages = async () =>
  (await steps()).filter((s) => s.stepType === "message").map((s) => (s.content as { text: string }).text);

async function startEmailSession() {
  await h.say("/flowpilot start TKT-2847 Email delivery issue --client Acme Medical Group");
  await h.say("Client reports no external email arriving since this morning. Internal mail works.");
  await h.say("Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com");
  await h.say(
    "Found it: transport rule 'Block External Senders' is scoped tenant-wide. That's likely blocking all external inbound mail.",
  );
}

describe("follow-ups to the update on screen, typed in the console", () => {
  it("'make that an email' writes the email draft of the same session, at the same length", async () => {
    await startEmailSession();
    expect(await h.say("detailed update for the client")).toContain("Hi Acme Medical Group");
    const out = await h.say("make that an email");
    expect(out).toContain("Subject:");
    expect(out).toContain("TKT-2847");
    expect((await updates()).map((u) => `${u.audience}/${u.length}`)).toEqual([
      "client_update/detailed",
      "email_draft/detailed",
    ]);
    expect(await h.prisma.session.count()).toBe(1);
    // The follow-up is about the update, not a troubleshooting step.
    expect(await messages()).not.toContain("make that an email");
  });

  it("'shorter' makes it quick; 'for the ticket instead' writes ticket notes; 'shorter' again says it already is", async () => {
    await startEmailSession();
    await h.say("detailed update for the client");
    await h.say("shorter");
    await h.say("for the ticket instead");
    expect((await updates()).map((u) => `${u.audience}/${u.length}`)).toEqual([
      "client_update/detailed",
      "client_update/quick",
      "ticket_notes/quick",
    ]);
    expect(await h.say("shorter")).toMatch(/already the Quick Ticket Notes/);
    expect(await updates()).toHaveLength(3);
  });

  it("'add that …' puts the engineer's words into the session and a new version of the update", async () => {
    await startEmailSession();
    await h.say("detailed ticket notes");
    const out = await h.say("add that we'll be onsite tomorrow at 8");
    expect(await messages()).toContain("We'll be onsite tomorrow at 8");
    expect(await messages()).not.toContain("add that we'll be onsite tomorrow at 8");
    const [, rewritten] = await updates();
    expect(rewritten).toMatchObject({ audience: "ticket_notes", length: "detailed" });
    expect(String(rewritten!.generated_content)).toContain("We'll be onsite tomorrow at 8");
    expect(out).toContain("Added to the session: “We'll be onsite tomorrow at 8”");
    expect(out).toContain("We'll be onsite tomorrow at 8");
  });

  it("'add that …' on a resolved session is refused with the reason: its timeline is closed", async () => {
    await startEmailSession();
    await h.say("/flowpilot resolve Narrowed the transport rule to the one sender domain");
    const before = (await updates()).length;
    expect(await h.say("add that we'll be onsite tomorrow at 8")).toMatch(/Not added: .* resolved/);
    expect(await updates()).toHaveLength(before);
    expect(await messages()).not.toContain("We'll be onsite tomorrow at 8");
  });

  it("a version is written as the update it replaces: not 'no change since our last update'", async () => {
    await startEmailSession();
    await h.say("detailed update for the client");
    const email = await h.say("make that an email");
    expect(email).toContain("Subject:");
    expect(email).not.toMatch(/no change since/i);
    expect(await h.say("shorter")).not.toMatch(/no change since/i);
  });

  it("chatter after an update gets no reply, and is recorded", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    for (const line of [
      "looks good 👍",
      "rebooting the mail gateway now",
      "ok client confirmed inbound works",
    ]) {
      expect(await h.say(line), line).toBe("");
    }
    expect(await updates()).toHaveLength(1);
    expect(await messages()).toContain("rebooting the mail gateway now");
  });

  it("without an update on screen, 'make that an email' is an ordinary request", async () => {
    await startEmailSession();
    expect(await h.say("make that an email")).toContain("Subject:");
    expect(await updates()).toMatchObject([{ audience: "email_draft" }]);
  });
});

describe("an unfamiliar request gets a short question; chatter stays silent", () => {
  it("asks 'Want an update? Client · Ticket · Email', and a pick goes on to the length", async () => {
    await startEmailSession();
    const phrase = clarifyingPhrase();
    const out = await h.say(phrase);
    expect(out).toContain("Want an update?");
    expect(h.choices().map((c) => c.label)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Client$/),
        expect.stringMatching(/Ticket$/),
        expect.stringMatching(/Email$/),
      ]),
    );
    // Unsure it was a request, so it is kept as a message too.
    expect(await messages()).toContain(phrase);
    expect(await h.choose(/Client$/)).toMatch(/How detailed\?/);
    expect(await h.choose("Quick")).toContain("Hi Acme Medical Group");
    expect(await updates()).toMatchObject([{ audience: "client_update", length: "quick" }]);
  });

  it("does not ask before the session could have an update", async () => {
    await h.say("/flowpilot start TKT-9 Printer offline --client Summit Law");
    expect(await h.say(clarifyingPhrase())).toBe("");
  });

  it("ordinary troubleshooting chatter gets no reply", async () => {
    await startEmailSession();
    for (const line of [
      "can you update the firmware on the switch",
      "Windows Update is stuck at 35%",
      "did the client get the update?",
    ]) {
      expect(await h.say(line), line).toBe("");
    }
  });
});
