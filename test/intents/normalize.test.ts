import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeMessage } from "../../src/intents/normalize.ts";
import { mightAskForUpdate } from "../../src/intents/prefilter.ts";
import { correctTypo } from "../../src/intents/typos.ts";
import { loadLabelled } from "./support/labelled.ts";

describe("normalizeMessage", () => {
  it("drops mentions, lower-cases, expands contractions and splits clauses", () => {
    const { clauses } = normalizeMessage(
      "<@U024BE7LH> @FlowPilot Don't send it yet, we're checking. What's next?",
    );
    expect(clauses.map((c) => c.words.join(" "))).toEqual([
      "do not send it yet",
      "we are checking",
      "what is next",
    ]);
    expect(clauses[2]!.isQuestion).toBe(true);
  });

  it("marks a client name outside the vocabulary and keeps product names", () => {
    expect(normalizeMessage("email draft for Acme").clauses[0]!.words).toEqual([
      "email",
      "draft",
      "for",
      "_name_",
    ]);
    expect(normalizeMessage("the update broke Outlook").clauses[0]!.words).toContain("outlook");
  });

  it("marks words quoted after a reporting verb as someone else's", () => {
    const { clauses } = normalizeMessage("the client wrote: please send us an update");
    expect(clauses.at(-1)!.quoted).toBe(true);
  });
});

describe("correctTypo", () => {
  it("fixes near misses of keywords and splits run-together keywords", () => {
    expect(correctTypo("stauts")).toEqual(["status"]);
    expect(correctTypo("udpate")).toEqual(["update"]);
    expect(correctTypo("clinet")).toEqual(["client"]);
    expect(correctTypo("statusupdate")).toEqual(["status", "update"]);
  });

  it("leaves real words and inflections alone", () => {
    for (const word of ["updated", "states", "stats", "nodes", "escalated", "emailed", "quirk"]) {
      expect(correctTypo(word), word).toEqual([word]);
    }
  });
});

describe("pre-filter", () => {
  it("lets every labelled request through", () => {
    const rows = loadLabelled(join(import.meta.dirname, "fixtures/triggers.jsonl"));
    const blocked = rows.filter((r) => r.intent === "status_update" && !mightAskForUpdate(r.text));
    expect(blocked.map((r) => r.text)).toEqual([]);
  });

  it("turns away chatter without any update vocabulary", () => {
    for (const text of [
      "ok rebooting the server now",
      "ipconfig shows 169.254.x.x",
      "checked the MX records",
    ]) {
      expect(mightAskForUpdate(text), text).toBe(false);
    }
  });
});
