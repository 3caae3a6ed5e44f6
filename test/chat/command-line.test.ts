import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/chat/command-line.ts";

describe("parseCommandLine", () => {
  it("reads the command name, arguments and flags with unquoted multi-word values", () => {
    const parsed = parseCommandLine(
      "/flowpilot start TKT-2847 Email delivery issue --client Acme Medical Group",
    );
    expect(parsed).toEqual({
      name: "start",
      args: ["TKT-2847", "Email", "delivery", "issue"],
      rest: "TKT-2847 Email delivery issue",
      flags: { client: "Acme Medical Group" },
    });
  });

  it("keeps quoted phrases together", () => {
    const parsed = parseCommandLine('start 51234 "Remote staff cannot connect" --client="Brightline Dental"');
    expect(parsed.args).toEqual(["51234", "Remote staff cannot connect"]);
    expect(parsed.flags).toEqual({ client: "Brightline Dental" });
  });

  it("gives free text verbatim in rest", () => {
    expect(parseCommandLine("resolve Re-scoped the rule; mail flowing again").rest).toBe(
      "Re-scoped the rule; mail flowing again",
    );
  });
});
