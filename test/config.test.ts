import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/app/config.ts";

describe("settings read at start-up", () => {
  it("FLOWPILOT_ENGINEER_NAME signs client emails, so what cannot be a name stops start-up naming it", () => {
    expect(() => loadConfig({ FLOWPILOT_ENGINEER_NAME: "/flowpilot help" })).toThrow(
      /^invalid setting FLOWPILOT_ENGINEER_NAME: "\/flowpilot help" is a command, not a name\. Set your full name\.$/,
    );
    expect(() => loadConfig({ FLOWPILOT_ENGINEER_NAME: "dana@example.com" })).toThrow(
      /^invalid setting FLOWPILOT_ENGINEER_NAME: /,
    );
    expect(loadConfig({ FLOWPILOT_ENGINEER_NAME: "  Siobhán   O’Neill " }).engineerName).toBe(
      "Siobhán O’Neill",
    );
    expect(loadConfig({ FLOWPILOT_ENGINEER_NAME: "" }).engineerName).toBeUndefined();
  });
});
