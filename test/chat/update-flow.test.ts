import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";

let h: ConsoleHarness;
beforeEach(async () => {
  h = await createConsoleHarness();
});
afterEach(() => h.cleanup());

const session = () => h.prisma.session.findFirstOrThrow({ include: { steps: { orderBy: { seq: "asc" } } } });
const updates = async () =>
  (await session()).steps
    .filter((s) => s.stepType === "status_update")
    .map((s) => s.content as Record<string, unknown>);

async function startEmailSession() {
  await h.say("/flowpilot start TKT-2847 Email delivery issue --client Acme Medical Group");
  await h.say("Client reports no external email arriving since this morning. Internal mail works.");
  await h.say("Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com");
  await h.say(
    "Found it: transport rule 'Block External Senders' is scoped tenant-wide. That's likely blocking all external inbound mail.",
  );
  await h.say("Next: confirm the rule scope with the client before modifying.");
}

describe("starting a session", () => {
  it("links the session to the ticket and shows the action bar in order", async () => {
    const out = await h.say("/flowpilot start TKT-2847 Email delivery issue --client Acme Medical Group");
    const s = await session();
    expect(s).toMatchObject({
      ticketId: "TKT-2847",
      ticketSummary: "Email delivery issue",
      clientCompany: "Acme Medical Group",
      status: "active",
    });
    expect(out).toContain("TKT-2847");
    const labels = h.choices().map((c) => c.label);
    expect(labels.findIndex((l) => /Escalate/.test(l))).toBeLessThan(
      labels.findIndex((l) => /Share Update/.test(l)),
    );
    expect(labels.findIndex((l) => /Share Update/.test(l))).toBeLessThan(
      labels.findIndex((l) => /Pause/.test(l)),
    );
    expect(labels.findIndex((l) => /Pause/.test(l))).toBeLessThan(labels.findIndex((l) => /Resolve/.test(l)));
  });

  it("refuses a second session in the same place and a start without a ticket", async () => {
    await h.say("/flowpilot start TKT-1 Printer");
    expect(await h.say("/flowpilot start TKT-2 Other")).toMatch(/already open/i);
    expect(await h.prisma.session.count()).toBe(1);
  });

  it("records messages as steps; a console line with no session open is not recorded and says so", async () => {
    expect(await h.say("just chatting before any session")).toMatch(
      /Not recorded: there's no FlowPilot session here yet\. Start one with \/flowpilot start/,
    );
    await h.say("/flowpilot start TKT-9 VPN down");
    await h.say("All remote users get error -7200 since 8am");
    const steps = (await session()).steps.filter((s) => s.stepType === "message");
    expect(steps.map((s) => (s.content as { text: string }).text)).toEqual([
      "All remote users get error -7200 since 8am",
    ]);
  });
});

describe("Share Update", () => {
  it("is unavailable, with the reason, until there are 2 message exchanges", async () => {
    await h.say("/flowpilot start TKT-3010 Front desk printer offline --client Summit Law Partners");
    const share = h.choices().find((c) => /Share Update/.test(c.label));
    expect(share?.disabledReason).toMatch(/2 message exchanges/);
    await h.say("Front desk printer shows offline for everyone.");
    expect(await h.say("/flowpilot-update")).toMatch(/at least 2 message exchanges/);
    expect(await updates()).toEqual([]);
  });

  it("asks audience then length, then stores and shows the update", async () => {
    await startEmailSession();
    const step1 = await h.say("/flowpilot-update");
    expect(step1).toMatch(/Who is this update for\?/);
    const step2 = await h.choose("Client Update");
    expect(step2).toMatch(/How detailed\?/);
    const result = await h.choose("Quick");
    expect(result).toMatch(/Generating update/);
    expect(result).toContain("Hi Acme Medical Group");
    const [u] = await updates();
    expect(u).toMatchObject({
      audience: "client_update",
      length: "quick",
      context: "update",
      session_status: "identified",
    });
    expect(String(u!.generated_content)).not.toMatch(/MX|transport|outlook\.com/);
  });

  it("skips both steps when the phrase names audience and length", async () => {
    await startEmailSession();
    const out = await h.say("quick update for the client");
    expect(out).not.toMatch(/Who is this update for|How detailed/);
    expect(await updates()).toMatchObject([{ audience: "client_update", length: "quick" }]);
    // The request itself is not a troubleshooting step.
    expect((await session()).steps.filter((s) => s.stepType === "message")).toHaveLength(4);
  });

  it("uses the team's default length when the phrase names only the audience", async () => {
    await startEmailSession();
    await h.say("/flowpilot settings default_length quick");
    h.advance(1);
    await h.say("ticket note");
    expect(await updates()).toMatchObject([{ audience: "ticket_notes", length: "quick" }]);
  });

  it("starts from the Share Update button and from /flowpilot-update with free text", async () => {
    await startEmailSession();
    await h.say("/flowpilot session");
    expect(await h.choose("Share Update")).toMatch(/Who is this update for\?/);
    await h.say("/flowpilot-update detailed email for the customer");
    expect(await updates()).toMatchObject([{ audience: "email_draft", length: "detailed" }]);
  });

  it("debounces a repeated request within 3 seconds, not a different one", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    expect(await h.say("quick update for the client")).toMatch(/moment ago/);
    expect(await updates()).toHaveLength(1);
    expect(await h.say("detailed email for the client")).toContain("Subject:");
    expect(await updates()).toHaveLength(2);
    h.advance(0.1);
    await h.say("quick update for the client");
    expect(await updates()).toHaveLength(3);
  });

  it("turns chat markup into readable text before it reaches an update", async () => {
    await h.say("/flowpilot start TKT-5 Shared drive --client Oakridge");
    await h.say("<@U024BE7LH> says the S: drive is gone :x:");
    const [m] = (await session()).steps;
    expect((m!.content as { text: string }).text).toBe("@a teammate says the S: drive is gone ❌");
  });
});

describe("actions on an update", () => {
  beforeEach(async () => {
    await startEmailSession();
    await h.say("detailed ticket notes");
  });

  it("Copy shows the final text and marks it copied", async () => {
    const out = await h.choose("Copy");
    expect(out).toContain("Block External Senders");
    const [u] = await updates();
    expect((u!.delivery as { copied_at?: string }).copied_at).toBeTruthy();
  });

  it("hides Post to Ticket when no PSA is connected", () => {
    expect(h.choices().some((c) => /Post to Ticket/.test(c.label))).toBe(false);
  });

  it("Regenerate keeps audience and length; Switch Length toggles; Switch Audience asks which", async () => {
    h.advance(1);
    await h.choose("Regenerate");
    await h.choose("Switch Length");
    await h.choose("Switch Audience");
    await h.choose("Email Draft");
    expect((await updates()).map((u) => `${u.audience}/${u.length}`)).toEqual([
      "ticket_notes/detailed",
      "ticket_notes/detailed",
      "ticket_notes/quick",
      "email_draft/quick",
    ]);
  });

  it("Edit keeps both texts and later copies use the edit", async () => {
    await h.choose("Edit", "Rule found; waiting on client approval.");
    const [u] = await updates();
    expect(u).toMatchObject({ final_content: "Rule found; waiting on client approval." });
    expect(String(u!.generated_content)).toContain("Block External Senders");
    expect(await h.say("/flowpilot history")).toMatch(/Updates \(1\)/);
  });

  it("stores thumbs up/down", async () => {
    await h.choose("👍");
    expect(await updates()).toMatchObject([{ feedback: "up" }]);
  });

  it("an outdated update's buttons get a clear message; unknown sessions and broken payloads too", async () => {
    const oldRegenerate = h.choices().find((c) => /Regenerate/.test(c.label))!;
    h.advance(1);
    await h.say("quick update for the client");
    expect(await h.press(oldRegenerate)).toMatch(/outdated/);
    expect(await updates()).toHaveLength(2);
    const foreign = oldRegenerate.payload.replace(
      /"sessionId":"[^"]+"/,
      '"sessionId":"00000000-0000-4000-8000-000000000000"',
    );
    expect(await h.press({ ...oldRegenerate, payload: foreign })).toMatch(/doesn't exist in this workspace/);
    expect(await h.press({ ...oldRegenerate, payload: "{not json" })).toMatch(/expired/);
  });
});

describe("resolve and escalate", () => {
  it("resolve writes the documentation note and a pre-generated resolution update, and cancels reminders", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    await h.choose("30 min");
    const out = await h.say(
      "/flowpilot resolve Re-scoped the transport rule to the External-Block-Group; mail flowing again",
    );
    expect(out).toMatch(/Reminder cancelled — session resolved/);
    const s = await session();
    expect(s.status).toBe("resolved");
    const reminder = s.steps.find((st) => st.stepType === "update_reminder")!;
    expect(reminder.content).toMatchObject({ status: "cancelled" });
    const written = (await updates()).slice(1);
    expect(written.map((u) => `${u.audience}/${u.context}`)).toEqual([
      "ticket_notes/resolution",
      "client_update/resolution",
    ]);
    expect(String(written[0]!.generated_content)).toMatch(/Status: Resolved/);
    expect(String(written[1]!.generated_content)).toMatch(/resolved/i);
    h.advance(0.1);
    expect(await h.say("quick update for the client")).toContain("Hi Acme Medical Group");
  });

  it("escalate writes the handoff note and the specialist client text", async () => {
    await startEmailSession();
    await h.say("/flowpilot escalate Needs Exchange admin with tenant-wide rights");
    const written = await updates();
    expect(written.map((u) => `${u.audience}/${u.context}`)).toEqual([
      "ticket_notes/escalation",
      "client_update/escalation",
    ]);
    expect(String(written[0]!.generated_content)).toMatch(/Reason for escalation/);
    expect(String(written[1]!.generated_content)).toMatch(/specialist/);
    expect((await session()).status).toBe("escalated");
  });

  it("pause and resume are recorded and excluded from time spent", async () => {
    await startEmailSession();
    await h.say("/flowpilot pause lunch");
    expect((await session()).status).toBe("paused");
    expect(await h.say("/flowpilot pause")).toMatch(/only an active session/);
    await h.say("/flowpilot resume");
    const types = (await session()).steps.map((s) => s.stepType);
    expect(types).toContain("pause");
    expect(types).toContain("resume");
  });
});

describe("reminders", () => {
  it("fire once when due, survive a restart, and open the update flow with the audience", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    await h.choose("15 min");
    h.restart();
    expect(await h.fireReminders()).toBe(0);
    h.advance(16);
    expect(await h.fireReminders()).toBe(1);
    expect(h.transcript).toMatch(
      /Sam Okafor, time to send Acme Medical Group another update on Email delivery issue/,
    );
    // Delivered, after the restart, to the thread stored with the session, mentioning who set it.
    const fired = h.sent.at(-1)!;
    expect(fired.view.kind).toBe("reminder_fired");
    expect(fired.ref?.thread).toMatchObject({ conversationId: "console", account: { platform: "console" } });
    expect(fired.view.mention).toEqual({ platformUserId: "console:test", name: "Sam Okafor" });
    expect(await h.fireReminders()).toBe(0);
    const out = await h.choose(/update/i);
    expect(out).toMatch(/How detailed\?/);
  });

  it("are not lost when the platform fails to show them: retried with backoff and shown once", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    await h.choose("15 min");
    h.setPostFault({ failing: (view) => view.kind === "reminder_fired" });
    h.advance(16);
    expect(await h.fireReminders()).toBe(0);
    const step = async () =>
      (await session()).steps.find((s) => s.stepType === "update_reminder")!.content as Record<
        string,
        unknown
      >;
    expect(await step()).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "chat platform answered 503",
    });
    h.setPostFault(undefined);
    expect(await h.fireReminders()).toBe(0); // the retry waits its backoff (1 minute)
    h.advance(1);
    expect(await h.fireReminders()).toBe(1);
    expect(await step()).toMatchObject({ status: "fired", attempts: 2 });
    h.advance(60);
    expect(await h.fireReminders()).toBe(0);
    expect(h.sent.filter((s) => s.view.kind === "reminder_fired")).toHaveLength(1);
  });

  it("accept a custom duration", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    await h.choose("Custom", "1h30m");
    const reminder = (await session()).steps.find((s) => s.stepType === "update_reminder")!;
    const remindAt = new Date((reminder.content as { remind_at: string }).remind_at).getTime();
    expect(Math.round((remindAt - h.now().getTime()) / 60_000)).toBe(90);
  });
});

describe("history and templates", () => {
  it("lists updates with audience, length and delivery state", async () => {
    await startEmailSession();
    await h.say("quick update for the client");
    await h.choose("Copy");
    h.advance(1);
    await h.say("detailed ticket notes");
    const out = await h.say("/flowpilot history");
    expect(out).toMatch(/Updates \(2\)/);
    expect(out).toMatch(/Copied/);
    expect(out).toMatch(/Quick/);
    expect(out).toMatch(/Detailed/);
  });

  it("shows and changes templates, validated, and the next update uses them", async () => {
    await startEmailSession();
    expect(await h.say("/flowpilot settings")).toMatch(/client_tone/);
    expect(await h.say("/flowpilot settings client_tone sarcastic")).toMatch(/Cannot set client_tone/);
    await h.say("/flowpilot settings client_tone formal");
    await h.say("/flowpilot settings company_name Northstar IT");
    await h.say("detailed email for the client");
    const [u] = await updates();
    expect(String(u!.generated_content)).toMatch(/^Dear Acme Medical Group,/m);
    expect(String(u!.generated_content)).toMatch(/Northstar IT\s*$/);
    const account = await h.prisma.account.findFirstOrThrow();
    expect(account.communicationTemplates).toMatchObject({ client_tone: "formal" });
  });
});
