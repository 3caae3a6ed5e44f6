import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { STATUS_LABEL } from "../../../../src/engine/writers/offline/format.ts";
import { labelledSession } from "../llm/support.ts";

const NAMES = readdirSync(join(import.meta.dirname, "../../fixtures/labelled-sessions"))
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
  .map((f) => f.replace(/\.json$/, ""));

describe("quick ticket notes", () => {
  // The stage is the session account's: "identified" can come without the rules' diagnosis (d2-sitevpn-rekey-drops).
  it.each(NAMES)("%s: written in one line that opens with the stage", async (name) => {
    const update = await generateStatusUpdate(labelledSession(name), {
      audience: "ticket_notes",
      length: "quick",
    });
    const label = update.context === "update" ? STATUS_LABEL[update.sessionStatus] : null;
    if (label) expect(update.content.startsWith(`${label} — `), update.content).toBe(true);
    expect(update.content).not.toContain("\n");
  });
});
