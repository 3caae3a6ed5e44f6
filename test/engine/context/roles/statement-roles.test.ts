import { describe, expect, it } from "vitest";
import {
  classifyStatement,
  type StatementRole,
} from "../../../../src/engine/context/roles/statement-roles.ts";

const roleOf = (s: string, first = false) => classifyStatement(s, { first }).role;

/** Sentences written for this test, per role; the verbs are deliberately varied and often not in any list. */
const CASES: Record<StatementRole, string[]> = {
  symptom: [
    "Still getting the same 0x80070005 when she saves.",
    "Same error after the reboot.",
    "didn't help, the scanner still times out",
    "No change - pages still come out blank.",
  ],
  action: [
    "Checked the event log on the terminal server.",
    "Pinged the gateway from two desks.",
    "Called the carrier and gave them the circuit id.",
    "Restarted the print spooler to rule out the obvious.",
    "Told her we'd have it sorted by lunch.",
    "Skimmed the firewall logs for the last hour.",
    "Reran the health check on the NAS.",
  ],
  finding: [
    "The scan job shows 412 skipped files.",
    "Event 7031 appears every few minutes on the host.",
    "Maybe it's the new toner driver?",
    "Nothing has been changed on the switch yet.",
  ],
  ruled_out: [
    "Ruled out the switch port.",
    "DNS looks fine from both offices.",
    "So it's not the cabling.",
    "The UPS isn't the cause either.",
    "Licensing is unrelated, ruled that out.",
  ],
  cause: [
    "Root cause: the shared calendar permissions were wiped by the migration.",
    "Likely cause confirmed - the mail connector lost its certificate.",
    "The ISP confirmed a fault on the fibre handoff.",
    "The backup service had stopped on Friday night.",
    "Turns out the GPO was linked to the wrong OU.",
    "The vendor says it's a known bug in build 4.2.",
    "So it's the proxy, not the browser.",
  ],
  fix: [
    "Re-granted full access on the shared mailbox.",
    "Submitted the port-forward change to the landlord's ISP.",
    "Rolled back last night's cumulative update.",
    "Reprovisioned the handset from the portal.",
    "Bumped the mailbox quota to 100 GB.",
    "Swapped the PSU in the NAS.",
    "I have now unblocked the sender domain.",
  ],
  fix_in_progress: [
    "Re-enrolling the tablets in MDM now.",
    "Restore is at 88%.",
    "Migrating her OneDrive to the new tenant as we speak.",
    "The file copy is still running, about half done.",
  ],
  verification: [
    "It boots now.",
    "She can open the shared drive again.",
    "Test page printed fine on the second tray.",
    "No new crashes since the rollback.",
    "Mail is flowing again.",
  ],
  waiting: [
    "Waiting on the client to approve the licence purchase.",
    "Waiting for the DNS change to propagate.",
    "Carrier tech is due tomorrow, sitting tight until then.",
    "Need the office manager to sign off before I touch the firewall.",
  ],
  next: [
    "Next: swap the patch cable and retest.",
    "I'll schedule the firmware update for tonight.",
    "Going to rebuild her profile after hours.",
    "Tomorrow: confirm the overnight job ran.",
    "Still need to check the print server's driver store.",
  ],
  chatter: ["ok", "thanks!", "lol", "yep", "hmm"],
  aside: ["brb", "back on it", "grabbing a coffee while it reboots", "still on it", "lunch, back in 30"],
};

describe("statement roles", () => {
  for (const [role, sentences] of Object.entries(CASES) as [StatementRole, string[]][]) {
    it.each(sentences)(`${role}: %s`, (sentence) => {
      expect(roleOf(sentence)).toBe(role);
    });
  }

  it("reads negated fixes and causes as something else", () => {
    expect(roleOf("Haven't applied the patch yet.")).not.toMatch(/^fix/);
    expect(roleOf("The firewall is not the cause.")).toBe("ruled_out");
    expect(roleOf("Didn't help.")).toBe("symptom");
    expect(roleOf("Not touching the policy until the client approves.")).not.toMatch(/^fix/);
    expect(roleOf("Still no idea what is causing it.")).toBe("finding");
    expect(classifyStatement("Still no idea what is causing it.", { first: false }).causeUnknown).toBe(true);
  });

  it("does not take changes made by others or before the session as our fix", () => {
    expect(roleOf("Workstations auto-updated to 2025 R3 overnight.")).not.toMatch(/^fix/);
    expect(roleOf("The driver was installed by the vendor's policy last Thursday.")).not.toMatch(/^fix/);
    expect(roleOf("Licenses page: 15 purchased, 13 assigned.")).not.toMatch(/^fix/);
    expect(roleOf("checking deleted users")).not.toMatch(/^fix/);
    expect(roleOf("[password removed] for the service account")).not.toMatch(/^fix/);
  });

  it("does not take tests and workarounds as the fix", () => {
    expect(roleOf("Set the registry value on one PC as a test only.")).not.toMatch(/^fix/);
    expect(roleOf("Moved the test laptop into the Kiosk OU.")).not.toMatch(/^fix/);
    expect(roleOf("She's working from the web app in the meantime.")).not.toBe("verification");
  });

  it("reads quoted error text as quoted, not as the engineer's words", () => {
    expect(
      roleOf('Event 4098: "The printer driver needs to be downloaded. Contact your administrator."'),
    ).not.toBe("next");
    expect(roleOf("Get-Recipient returns 'waiting for replication' for her address")).not.toBe("waiting");
  });

  it("says whom the work waits on", () => {
    const on = (s: string) => classifyStatement(s, { first: false }).waitingOn;
    expect(on("Waiting on the client to approve the licence purchase.")).toBe("client");
    expect(on("Waiting for the DNS change to propagate.")).toBe("process");
    expect(on("Waiting on the ISP's tier 2 to call back.")).toBe("vendor");
  });

  it("reads the engineer's first message as the problem unless it reports work done", () => {
    expect(roleOf("Front desk printer shows offline for everyone.", true)).toBe("symptom");
    expect(roleOf("Helen's laptop has blue-screened 4 times this morning.", true)).toBe("symptom");
    expect(roleOf("Checked the print queue first thing.", true)).toBe("action");
  });

  it("names the thing ruled out", () => {
    const object = (s: string) => classifyStatement(s, { first: false }).object;
    expect(object("Ruled out the switch port.")).toBe("switch port");
    expect(object("DNS looks fine from both offices.")).toBe("DNS");
    expect(object("So it's not the cabling.")).toBe("cabling");
  });
});
