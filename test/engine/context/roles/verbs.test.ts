import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readClause } from "../../../../src/engine/context/roles/clause.ts";
import { familiesOf } from "../../../../src/engine/context/roles/verb-families.ts";
import { analyzeVerb } from "../../../../src/engine/context/roles/verbs.ts";
import { REPO_ROOT } from "../../../support/session-expectations.ts";

describe("verbs", () => {
  it.each([
    ["re-granted", "grant", "past"],
    ["submitted", "submit", "past"],
    ["rolled", "roll", "past"],
    ["reprovisioned", "provision", "past"],
    ["unblocked", "unblock", "past"],
    ["rebinding", "rebind", "gerund"],
    ["copied", "copy", "past"],
    ["ran", "run", "past"],
    ["sent", "send", "past"],
    ["reset", "reset", "past"],
    ["shrank", "shrink", "past"],
  ])("reads %s as %s (%s)", (word, infinitive, form) => {
    const v = analyzeVerb(word);
    expect(v?.form).toBe(form);
    expect([v?.infinitive, v?.infinitive.replace(/^re-?|^un/, "")]).toContain(
      infinitive.replace(/^re-?|^un/, ""),
    );
  });

  it("puts unlisted prefixed verbs in their bare verb's family", () => {
    expect(familiesOf("re-grant")).toContain("change");
    expect(familiesOf("unblock")).toContain("change");
    expect(familiesOf("reprovision")).toContain("change");
    expect(familiesOf("dispatch")).not.toContain("change");
  });

  it("tells verbs from the same words used as nouns, and reads tense, negation and plans", () => {
    const verbs = (s: string) =>
      readClause(s).verbs.map(
        (v) => `${v.infinitive}:${v.form}${v.negated ? ":not" : ""}${v.future ? ":plan" : ""}`,
      );
    expect(verbs("The update broke printing")).toEqual(["break:past"]);
    expect(verbs("Didn't help")).toEqual(["help:base:not"]);
    expect(verbs("Will reboot it tonight")).toEqual(["reboot:base:plan"]);
    expect(verbs("checking deleted users")).toEqual(["check:gerund"]);
  });

  it("has a generated table that matches compromise's lexicon", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/build-verb-lexicon.ts", "--check"],
      {
        cwd: REPO_ROOT,
      },
    );
    expect(stdout).toMatch(/is current/);
  });
});
