import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/app/config.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { PRIYA, SAM, startTeams } from "./support/teams-harness.ts";

loopbackOnly();

describe("who may edit the team templates in Teams", () => {
  it("people named in FLOWPILOT_TEAMS_ADMINS (Entra object id or sign-in name) may, besides team owners", async () => {
    const { teams } = loadConfig({
      MicrosoftAppId: "6f1b2c3d-0000-4aaa-8bbb-c0ffee000001",
      MicrosoftAppPassword: "p",
      FLOWPILOT_TEAMS_ADMINS: " AAD-SAM , it-lead@northwind.example ",
    });
    expect(teams?.admins).toEqual(["aad-sam", "it-lead@northwind.example"]);

    const t = await startTeams({ settings: { admins: teams?.admins } });
    try {
      await t.say("settings client_tone formal", { mention: true, from: SAM });
      expect(t.inPersonalChat(SAM).at(-1)!.text).toContain("Saved: client_tone = formal");
      // The owner still may; nothing else changed for them.
      await t.say("settings client_tone friendly", { mention: true, from: PRIYA });
      expect(t.inPersonalChat(PRIYA).at(-1)!.text).toContain("Saved: client_tone = friendly");
    } finally {
      await t.stop();
    }
  });
});
