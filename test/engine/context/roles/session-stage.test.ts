import { describe, expect, it } from "vitest";
import { buildSessionFacts } from "../../../../src/engine/context/session-facts.ts";
import { chatSession } from "../../../support/chat-session.ts";

const statusOf = (...lines: string[]) => buildSessionFacts(chatSession(lines)).status;
const OPENING = "Reception PC can't reach the practice management server since 8am.";

describe("stage from statement roles", () => {
  it("stays investigating while only checks and findings come in", () => {
    expect(
      statusOf(OPENING, "Pinged the server from reception, replies fine.", "Ruled out the switch."),
    ).toBe("investigating");
  });

  it("is identified once a cause is stated, whatever the wording", () => {
    for (const cause of [
      "Likely cause confirmed: the DHCP scope ran out of addresses.",
      "The ISP confirmed a fault on the line.",
      "The SQL service had stopped after the patch reboot.",
      "Turns out the hosts file points the server name at an old address.",
      "So it's the antivirus, not the network.",
    ]) {
      expect(statusOf(OPENING, "Checked the network adapter.", cause), cause).toBe("identified");
    }
  });

  it("is implementing once a fix is applied, in progress or taking effect, even without a stated cause", () => {
    for (const fix of [
      "Re-granted her access to the share.",
      "Submitted the firewall change to the ISP.",
      "Rolled back the March update.",
      "Reimaging the PC now.",
      "Restore is at 88%.",
    ]) {
      expect(statusOf(OPENING, "Checked the network adapter.", fix), fix).toBe("implementing");
    }
    expect(
      statusOf(OPENING, "Cause: expired certificate on the gateway.", "Renewed it, waiting for it to sync."),
    ).toBe("implementing");
    expect(statusOf(OPENING, "Rolled back the update.", "It boots now.")).toBe("implementing");
  });

  it("drops back when a change did not help", () => {
    expect(statusOf(OPENING, "Reinstalled the client.", "Same error.")).toBe("investigating");
    expect(
      statusOf(OPENING, "Root cause: the DNS record is wrong.", "Updated the record.", "Didn't help."),
    ).toBe("identified");
  });

  it("treats changes made only to test a theory as tests once the cause is named later", () => {
    expect(
      statusOf(
        OPENING,
        "Set the registry key on one PC to see if it helps.",
        "Removed the old driver from one PC.",
        "Root cause: the kiosk OU blocks the printer policy. Fix waits on the client's approval.",
      ),
    ).toBe("identified");
  });

  it("is not implementing when the engineer says nothing has been changed yet", () => {
    expect(
      statusOf(
        OPENING,
        "Root cause: a GPO blocks the driver.",
        "Moved the GPO link.",
        "Nothing changed in production yet.",
      ),
    ).toBe("identified");
  });

  it("withdraws a guess when the engineer says the cause is unknown again", () => {
    expect(
      statusOf(OPENING, "Looks like the culprit is the proxy.", "Still no idea what's causing it."),
    ).toBe("investigating");
  });

  it("keeps a named root cause over a later passing remark", () => {
    const facts = buildSessionFacts(
      chatSession([
        OPENING,
        "Root cause: the print server lost its certificate.",
        "That explains the errors in the log too.",
      ]),
    );
    expect(facts.diagnosis?.text).toMatch(/print server lost its certificate/);
  });

  it("follows the session for resolved and escalated", () => {
    expect(
      buildSessionFacts(chatSession([OPENING], { status: "resolved", resolution: "Replaced the cable." }))
        .status,
    ).toBe("resolved");
    expect(
      buildSessionFacts(chatSession([OPENING], { status: "escalated", escalation: "Needs the vendor." }))
        .status,
    ).toBe("escalated");
  });

  it("leaves chatter and asides out of every fact list", () => {
    const facts = buildSessionFacts(
      chatSession([
        OPENING,
        "brb",
        "lol",
        "back on it",
        "grabbing a coffee while it reboots",
        "Checked the adapter.",
      ]),
    );
    const all = [...facts.steps, ...facts.fixWork, ...facts.verified, ...facts.ruledOut]
      .map((f) => f.text)
      .join("\n");
    expect(all).toContain("Checked the adapter");
    expect(all).not.toMatch(/brb|lol|back on it|coffee/i);
  });
});
