import { afterEach, describe, expect, it } from "vitest";
import {
  type ConsoleHarness,
  createConsoleHarness,
  type HarnessOptions,
} from "../../support/console-harness.ts";

let h: ConsoleHarness;
const harness = async (options: HarnessOptions = {}) => {
  h = await createConsoleHarness(options);
  return h;
};
afterEach(() => h.cleanup());

const SESSION = [
  "/flowpilot start TKT-77 Printer offline --client Harbor Dental",
  "Front desk printer shows offline for everyone.",
  "Power-cycled it and re-added the queue; test page printed.",
];

/** The name the email draft is signed with: the line before the company name (or the last line). */
const signOff = (out: string) => /Best regards,\n([^\n]*)\n/.exec(out)?.[1];

const storedName = async () => (await h.prisma.user.findFirstOrThrow()).displayName;

describe("the console's name prompt", () => {
  it("refuses a command and an empty answer, one line each, then signs with the name given", async () => {
    await harness({ engineer: null, interactive: true });
    const out = await h.type([
      "/flowpilot help",
      "",
      "Dana Whitfield",
      ...SESSION,
      "quick email draft for the client",
    ]);
    expect(out.match(/Your name, as it should sign client updates and emails/g)).toHaveLength(3);
    // At a terminal the answer is echoed by the terminal, so each refusal follows its prompt.
    expect(out).toContain(': "/flowpilot help" is a command, not a name. Type your full name.\n');
    expect(out).toContain(": Nothing was entered. Type your full name.\n");
    expect(out).toContain("Thanks, Dana Whitfield.");
    expect(signOff(out)).toBe("Dana Whitfield");
    expect(out).not.toMatch(/TKT-77[\s\S]*\/flowpilot help/);
    expect(await storedName()).toBe("Dana Whitfield");
  });

  it("gives up after three answers that cannot be a name, says how to set one, and goes on", async () => {
    await harness({ engineer: null, interactive: true });
    const out = await h.type([
      "5",
      "dana@example.com",
      "https://example.com",
      ...SESSION,
      "quick email draft",
    ]);
    expect(out).toContain('"5" is a number, not a name. Type your full name.');
    expect(out).toContain("That is an e-mail address, not a name. Type your full name.");
    expect(out).toContain(
      'That is a web address, not a name.\nNo name set, so sign-offs read "Your support team". Set it with /flowpilot name <your full name>',
    );
    expect(signOff(out)).toBe("Your support team");
    expect(await h.prisma.session.count()).toBe(1);
  });

  it("/quit at the prompt leaves, as it does everywhere in the console", async () => {
    await harness({ engineer: null, interactive: true });
    await h.run(["/quit", ...SESSION]);
    expect(await h.prisma.session.count()).toBe(0);
  });
});

describe("/flowpilot name", () => {
  it("shows the name, and refuses one that cannot be a name, keeping the old one", async () => {
    await harness();
    expect(await h.say("/flowpilot name")).toMatch(
      /Your emails are signed "Sam Okafor"\. Change it with \/flowpilot name <your full name>\./,
    );
    const refused = await h.say("/flowpilot name /flowpilot help");
    expect(refused).toMatch(/"\/flowpilot help" is a command, not a name\. Usage: \/flowpilot name/);
    expect(await storedName()).toBe("Sam Okafor");
    expect(await h.say("/flowpilot help")).toMatch(/\/flowpilot name \[your full name\] — Show or change/);
  });

  it("renames the engineer for the open session's next updates; a closed session keeps its name", async () => {
    await harness();
    for (const line of SESSION) await h.say(line);
    await h.say("/flowpilot resolve Re-added the print queue");
    for (const line of SESSION) await h.say(line.replace("TKT-77", "TKT-78"));

    const saved = await h.say("/flowpilot name Siobhán O'Brien");
    expect(saved).toMatch(
      /Saved: from now on your emails are signed "Siobhán O'Brien" \(the open session's next updates included\)\./,
    );
    expect(saved).not.toMatch(/FLOWPILOT_ENGINEER_NAME/);
    await h.say("Checked the print spooler on the server too.");
    expect(signOff(await h.say("quick email draft for the client"))).toBe("Siobhán O'Brien");

    // The console's next events carry the new name, so it stays stored.
    expect(await storedName()).toBe("Siobhán O'Brien");
    const sessions = await h.prisma.session.findMany({
      select: { ticketId: true, engineerName: true },
      orderBy: { startedAt: "asc" },
    });
    expect(sessions).toEqual([
      { ticketId: "TKT-77", engineerName: "Sam Okafor" },
      { ticketId: "TKT-78", engineerName: "Siobhán O'Brien" },
    ]);
  });

  it("says that FLOWPILOT_ENGINEER_NAME wins again at the next start", async () => {
    await harness({ engineer: "Jo Bloggs", nameFromEnvironment: true });
    expect(await h.say("/flowpilot name Dana Whitfield")).toMatch(
      /signed "Dana Whitfield"\. FLOWPILOT_ENGINEER_NAME is set, so the next start signs "Jo Bloggs" again; unset it to keep "Dana Whitfield"\./,
    );
    expect(await h.say("/flowpilot name")).toMatch(/Your emails are signed "Dana Whitfield"/);
  });
});
