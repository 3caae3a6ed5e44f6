import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONSOLE_THREAD, createConsoleAdapter } from "../../../src/adapters/console/index.ts";
import { parseConsoleLine } from "../../../src/adapters/console/parse.ts";
import { noticeView } from "../../../src/chat/views/index.ts";
import { type ConsoleHarness, createConsoleHarness } from "../../support/console-harness.ts";

let h: ConsoleHarness;
beforeEach(async () => {
  h = await createConsoleHarness();
});
afterEach(() => h.cleanup());

const messages = async () =>
  (await h.prisma.sessionStep.findMany({ where: { stepType: "message" }, orderBy: { seq: "asc" } })).map(
    (s) => (s.content as { text: string }).text,
  );

async function startSession() {
  await h.say("/flowpilot start TKT-2290 DC unreachable --client Harbor Dental");
  await h.say("Users at the front desk cannot log in since 9am.");
  await h.say("The service had stopped on DC01; restarted netlogon and logons work again.");
}

describe("console: only FlowPilot's commands are commands", () => {
  it("parses /flowpilot, /flowpilot-update and /quit; every other line is a message", () => {
    expect(parseConsoleLine("/flowpilot start TKT-1")).toEqual({
      kind: "command",
      command: "flowpilot",
      text: "start TKT-1",
    });
    expect(parseConsoleLine("/flowpilot-update quick")).toMatchObject({ command: "flowpilot-update" });
    expect(parseConsoleLine("/quit")).toEqual({ kind: "quit" });
    expect(parseConsoleLine("#2 domain controller is not answering pings")).toEqual({
      kind: "message",
      text: "#2 domain controller is not answering pings",
    });
    expect(parseConsoleLine("/foo restarted netlogon")).toEqual({
      kind: "message",
      text: "/foo restarted netlogon",
      unknownCommand: "/foo",
    });
    expect(parseConsoleLine("/flowpilotx status")).toMatchObject({
      kind: "message",
      unknownCommand: "/flowpilotx",
    });
    expect(parseConsoleLine("/fp help")).toMatchObject({ kind: "message", unknownCommand: "/fp" });
  });

  it("records a line starting with # and says what it did with an unknown slash command", async () => {
    await h.say("/flowpilot start TKT-2290 DC unreachable");
    expect(await h.say("#2 domain controller is not answering pings")).toBe("");
    const out = await h.say("/foo restarted netlogon");
    expect(out).toMatch(/\/foo is not a FlowPilot command .* taken as a session message/);
    expect(await messages()).toEqual([
      "#2 domain controller is not answering pings",
      "/foo restarted netlogon",
    ]);
  });

  it("answers a message typed with no session open, and one typed after the session ended", async () => {
    expect(await h.say("checked the switch")).toMatch(
      /^\nNot recorded: there's no FlowPilot session here yet/,
    );
    await startSession();
    await h.say("/flowpilot resolve Restarted netlogon on DC01");
    expect(await h.say("one more thing")).toMatch(/Not recorded: the session for TKT-2290 is resolved/);
    expect(await messages()).not.toContain("one more thing");
  });
});

describe("console: typed input is cleaned before it is stored", () => {
  it("removes ANSI escapes and control characters, keeps tabs and newlines, and stores a NUL-byte line", async () => {
    await h.say("/flowpilot start TKT-2290 DC unreachable");
    expect(await h.say("\x1b[31mERROR\x1b[0m netlogon failed\x07 on DC01")).toBe("");
    expect(await h.say("event id\t5719 on DC\u0000 01")).not.toMatch(/went wrong/);
    expect(await messages()).toEqual(["ERROR netlogon failed on DC01", "event id\t5719 on DC 01"]);
    const note = await h.say("detailed ticket notes");
    expect(note).toContain("ERROR netlogon failed on DC01");
    expect(note).not.toMatch(/\x1b|\x07|\u0000/);
  });
});

describe("console: actions that ask for input", () => {
  it("asks again after a custom reminder it cannot read, and the retry sets the reminder (never a session message)", async () => {
    await startSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    const out = await h.choose("Custom", "soon", "1m");
    expect(out).toMatch(/"soon" is not a duration I understand/);
    expect(out).toMatch(/Try again, or press Enter to cancel/);
    expect(out).toMatch(/Reminder set: in 1 min I'll remind you to send Harbor Dental another update/);
    expect(await messages()).not.toContain("1m");
    expect(await h.prisma.sessionStep.count({ where: { stepType: "update_reminder" } })).toBe(1);
  });

  it("cancels on an empty answer and gives up after three unreadable ones, recording none of them", async () => {
    await startSession();
    await h.say("quick ticket note");
    await h.choose("Set Reminder");
    expect(await h.choose("Custom", "")).toMatch(/Nothing entered; Custom cancelled/);
    const out = await h.choose("Custom", "later", "whenever", "soonish");
    expect(out).toMatch(/cancelled after 3 tries/);
    expect(await messages()).toHaveLength(2); // the two troubleshooting lines only
    expect(await h.prisma.sessionStep.count({ where: { stepType: "update_reminder" } })).toBe(0);
  });
});

describe("console: the live choices after a message is replaced", () => {
  it("keeps Edit after a reminder is set: the spent reminder picker is never offered, and the edit is not a session message", async () => {
    await startSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    const set = await h.choose("15 min");
    expect(set).toMatch(/Reminder set: in 15 min/);
    expect(set).toMatch(/Still available: \[1\] Copy .*\[6\] Edit/);
    expect(set).not.toMatch(/Still available: .*15 min/);
    const edited = await h.choose("Edit", "Please say we will call at 3pm");
    expect(edited).toMatch(/Saved your edited version/);
    expect(await messages()).not.toContain("Please say we will call at 3pm");
    expect(await h.choose("Copy")).toContain("Please say we will call at 3pm");
    expect(await h.say("detailed ticket notes")).not.toContain("3pm");
  });

  it("a number after the picker was answered picks from the message still offering choices", async () => {
    await startSession();
    await h.say("quick update for the client");
    await h.choose("Set Reminder");
    await h.choose("30 min");
    // [4] was "Custom" on the spent picker; on the update it is Switch Length.
    expect(await h.say("4")).toMatch(/Client Update · Detailed/);
  });
});

describe("console: text typed while a step waits for it", () => {
  it("a line typed while a picker asks its question is recorded, and the console says so in one line", async () => {
    await startSession();
    await h.say("/flowpilot-update");
    const typed = await h.say("Also checked the Wi-Fi controller");
    expect(typed).toBe("Recorded as a session message; to answer the question above, type its number.\n");
    expect(await messages()).toContain("Also checked the Wi-Fi controller");
    expect(await h.choose("Email Draft")).toMatch(/How detailed\?/);
    expect(await h.say("Rebooted the access point too")).toMatch(/^Recorded as a session message/);
    expect(await h.choose("Quick")).toMatch(/Subject:/);
    // The update's buttons are not a question: a line typed now is simply recorded.
    expect(await h.say("Users confirm mail arrives")).toBe("");
    await h.choose("Set Reminder");
    expect(await h.say("left a voicemail for the office manager")).toMatch(/^Recorded as a session message/);
  });

  it("/flowpilot resolve typed without its text asks what fixed it, and the answer resolves the session", async () => {
    await startSession();
    const out = await h.say(
      "/flowpilot resolve",
      "Restarted netlogon on DC01 and set it to restart on failure",
    );
    expect(out).toMatch(/^What fixed it\? This summary is the authoritative cause/);
    expect(out).toMatch(/Session resolved/);
    expect(out).toMatch(/Restarted netlogon on DC01 and set it to restart on failure/);
    expect(out).not.toMatch(/Usage:/);
    expect(await messages()).toHaveLength(2);
  });

  it("/flowpilot escalate and /flowpilot edit ask for their text too; an empty answer cancels", async () => {
    await startSession();
    await h.say("quick update for the client");
    expect(await h.say("/flowpilot edit", "")).toMatch(/Nothing entered; \/flowpilot edit cancelled/);
    expect(await h.say("/flowpilot edit", "Hi Harbor Dental, logins work again.")).toMatch(
      /Saved your edited version/,
    );
    expect(await h.choose("Copy")).toContain("Hi Harbor Dental, logins work again.");
    const escalated = await h.say("/flowpilot escalate", "Needs the domain admin to check replication");
    expect(escalated).toMatch(/^Why are you escalating\?/);
    expect(escalated).toMatch(/Needs the domain admin to check replication/);
    expect(await h.prisma.session.findFirst({ select: { status: true, escalationReason: true } })).toEqual({
      status: "escalated",
      escalationReason: "Needs the domain admin to check replication",
    });
    expect(await messages()).toHaveLength(2);
  });

  it("/flowpilot remind asks in how long, asks again after a duration it cannot read", async () => {
    await startSession();
    await h.say("quick ticket note");
    const out = await h.say("/flowpilot remind", "soon", "45m");
    expect(out).toMatch(/^Remind you in how long\?/);
    expect(out).toMatch(/"soon" is not a duration I understand/);
    expect(out).toMatch(/Reminder set: in 45 min/);
    expect(await messages()).toHaveLength(2);
  });

  it("asks nothing when the command could not use the answer: no update to edit, a session already resolved", async () => {
    await startSession();
    const edit = await h.say("/flowpilot edit", "this must not be asked for");
    expect(edit).toMatch(/There is no update in this session yet/);
    expect(edit).not.toMatch(/Your version of the update/);
    await h.say("/flowpilot resolve Restarted netlogon on DC01");
    const again = await h.say("/flowpilot resolve", "this must not be asked for");
    expect(again).toMatch(/already resolved/);
    expect(again).not.toMatch(/What fixed it/);
  });

  it("a platform that cannot ask still gets the usage, as before", async () => {
    await startSession();
    const before = h.transcript.length;
    const outcome = await h.conversation().handleCommand({
      thread: CONSOLE_THREAD,
      actor: { platformUserId: "console:test", displayName: "Sam Okafor", isAdmin: true },
      command: "flowpilot",
      text: "resolve",
    });
    expect(outcome.status).toBe("failed");
    expect(h.transcript.slice(before)).toMatch(/What fixed it\? Usage: \/flowpilot resolve <what fixed it>/);
  });
});

describe("console papercuts", () => {
  it("shows the live buttons again after Copy, Edit and 👍, and says when a rating changes", async () => {
    await startSession();
    await h.say("quick update for the client");
    const copied = await h.choose("Copy");
    expect(copied).toMatch(/Marked as copied/);
    expect(copied).toMatch(/Still available: \[1\] Copy {2}\[2\] Regenerate/);
    const up = await h.choose("👍");
    expect(up).toMatch(/Thanks — glad it helped/);
    expect(up).toMatch(/Still available: .*\[\d+\] 👎/);
    const down = await h.choose("👎");
    expect(down).toMatch(/Changed your rating from 👍 to 👎/);
    expect(await h.choose("👎")).toMatch(/already rated this update 👎/);
    expect(await h.choose("Edit", "Hi Harbor Dental, logins work again.")).toMatch(/Still available:/);
  });

  it("says so when Regenerate on the offline writer gives the same text, and stores no copy", async () => {
    await startSession();
    await h.say("quick ticket note");
    h.advance(0.1);
    const out = await h.choose("Regenerate");
    expect(out).toMatch(/Same text as before/);
    expect(await h.prisma.sessionStep.count({ where: { stepType: "status_update" } })).toBe(1);
  });

  it("words reminders by audience and the header status once", async () => {
    await startSession();
    await h.say("quick ticket note");
    await h.choose("Set Reminder");
    expect(h.transcript).toMatch(/Remind you to add another ticket note in:/);
    expect(h.transcript).not.toMatch(/another ticket notes|ticket notes to Harbor/);
    await h.say("/flowpilot resolve Restarted netlogon on DC01");
    const header = await h.say("/flowpilot session");
    expect(header).toMatch(/Status:\s+Resolved\n/);
    expect(header).not.toMatch(/Resolved · Resolved/);
  });

  it("refuses a second start without suggesting a thread the console does not have", async () => {
    await h.say("/flowpilot start TKT-1 Printer");
    const out = await h.say("/flowpilot start TKT-2 Other");
    expect(out).toMatch(/already open here for TKT-1\. Resolve or escalate it first/);
    expect(out).not.toMatch(/thread/);
  });
});

describe("console prompt", () => {
  it("redraws the prompt after a message that arrives while the engineer is typing", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (d: Buffer) => (printed += d.toString("utf8")));
    const adapter = createConsoleAdapter({
      input,
      output,
      echoInput: false,
      prompt: true,
      engineer: { id: "console:test", displayName: "Sam Okafor" },
    });
    const conversation = h.conversation();
    const running = adapter.run(conversation);
    await new Promise((r) => setTimeout(r, 50));
    expect(printed.endsWith("> ")).toBe(true);
    await adapter.surface.post(CONSOLE_THREAD, noticeView("⏰ Time to send Harbor Dental another update"));
    expect(printed.endsWith("⏰ Time to send Harbor Dental another update\n> ")).toBe(true);
    input.end("/quit\n");
    await running;
  });
});
