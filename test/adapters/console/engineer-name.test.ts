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
    const out = await h.run([
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
    const out = await h.run([
      "5",
      "dana@example.com",
      "https://example.com",
      ...SESSION,
      "quick email draft",
    ]);
    expect(out).toContain('"5" is a number, not a name. Type your full name.');
    expect(out).toContain("That is an e-mail address, not a name. Type your full name.");
    expect(out).toContain(
      'That is a web address, not a name.\nNo name set, so sign-offs read "Your support team". Set FLOWPILOT_ENGINEER_NAME',
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
