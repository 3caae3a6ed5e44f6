import { describe, expect, it } from "vitest";
import { classifyStatement } from "../../../src/engine/context/statement-kinds.ts";

const kind = (s: string, first = false) => classifyStatement(s, first).kind;

describe("classifyStatement", () => {
  it.each([
    ["Found it: the DKIM selector record is missing for the new domain", "diagnosis"],
    ["Turns out the cert on the RD gateway expired on Friday", "diagnosis"],
    ["The conditional access policy is what's causing the MFA loop", "diagnosis"],
    ["That's likely blocking all external inbound mail", "diagnosis"],
    ["Ruled out mailbox issues.", "ruled_out"],
    ["WAN answers on 443, so not an ISP outage.", "ruled_out"],
    ["DNS looks fine", "ruled_out"],
    ["Next: confirm the rule scope with the client before modifying", "next"],
    ["Will reboot the host after hours", "next"],
    ["Importing the new cert on the firewall now", "in_progress"],
    ["We're rolling out the fixed GPO to all workstations", "in_progress"],
    ["Waiting for DNS to propagate", "in_progress"],
    ["Changed the SMTP port to 587 and re-entered the app password", "fix_applied"],
    ["Confirmed it's working for the pilot user", "verified"],
    ["Verified MX records - correct", "step"],
    ["Ran message trace in EAC - emails are queuing", "step"],
    ["ok", "chatter"],
    ["thanks!", "chatter"],
  ])("%s -> %s", (sentence, expected) => {
    expect(kind(sentence)).toBe(expected);
  });

  it("reads the opening statement as the reported symptom", () => {
    expect(kind("Front desk printer shows offline for everyone.", true)).toBe("symptom");
  });

  it("extracts what was ruled out", () => {
    expect(classifyStatement("WAN 203.0.113.45 answers on 443, so not an ISP outage.", false).object).toBe(
      "ISP outage",
    );
    expect(classifyStatement("Ruled out mailbox issues.", false).object).toBe("mailbox issues");
    expect(classifyStatement("DNS looks fine - both records resolve", false).object).toBe("DNS");
  });
});
