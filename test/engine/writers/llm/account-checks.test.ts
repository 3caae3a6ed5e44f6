import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSessionWithAccount, type SessionAccount } from "../../../../src/engine/account/index.ts";
import { splitSentences } from "../../../../src/engine/context/sentences.ts";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import type { SessionSnapshot } from "../../../../src/engine/types.ts";
import { findAccountProblems } from "../../../../src/engine/writers/llm/account-checks.ts";
import { labelledSession } from "./support.ts";

const NAMES = readdirSync(join(import.meta.dirname, "../../fixtures/labelled-sessions"))
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
  .map((f) => f.replace(/\.json$/, ""));

const SESSIONS: { name: string; session: SessionSnapshot; account: SessionAccount }[] = await Promise.all(
  NAMES.map(async (name) => {
    const session = labelledSession(name);
    return { name, session, account: (await readSessionWithAccount(session)).account };
  }),
);

const problemsOf = (s: (typeof SESSIONS)[number], sentence: string, ids: string[] = []) =>
  findAccountProblems([{ sentence, ids }], s.account, s.session.messages);

/** Sessions where, by their account, nothing is fixed yet: investigating or identified, no change made. */
const NOTHING_CHANGED = SESSIONS.filter(
  (s) =>
    (s.account.stage === "investigating" || s.account.stage === "identified") &&
    !s.account.actions.some((a) => a.change && a.state !== "planned" && a.state !== "suggested"),
);

describe("account checks on the labelled sessions", () => {
  it("has enough sessions of each kind to mean something", () => {
    expect(SESSIONS.length).toBeGreaterThanOrEqual(30);
    expect(NOTHING_CHANGED.length).toBeGreaterThanOrEqual(5);
  });

  it("the offline writer's own updates are hardly ever contradicted by the account", async () => {
    let sentences = 0;
    const flagged: string[] = [];
    for (const s of SESSIONS) {
      for (const audience of ["ticket_notes", "client_update", "email_draft"] as const) {
        const update = await generateStatusUpdate(s.session, { audience, length: "detailed" });
        const split = splitSentences(update.content).map((sentence) => ({ sentence, ids: [] }));
        sentences += split.length;
        flagged.push(...findAccountProblems(split, s.account, s.session.messages));
      }
    }
    expect(sentences).toBeGreaterThan(1_000);
    // Measured: 1 of 1,727 sentences ("Wrote it up for …": "write" reads as a change).
    expect(flagged.length, flagged.join("\n")).toBeLessThanOrEqual(sentences / 500);
  });

  it.each([
    "The issue is resolved.",
    "We've fixed the problem for everyone.",
    "Everything is working again.",
    "Everything has been sorted out.",
  ])("'%s' is a false claim wherever nothing is fixed yet", (claim) => {
    for (const s of NOTHING_CHANGED) {
      expect(problemsOf(s, claim).join(" "), s.name).toMatch(
        /says the problem is fixed, but the account's stage is/,
      );
    }
  });

  it.each([
    "We are applying the fix now.",
    "We're updating the settings as we speak.",
    "I am changing the configuration now.",
  ])("'%s' is a false claim wherever no change is applied", (claim) => {
    for (const s of NOTHING_CHANGED) {
      expect(problemsOf(s, claim).join(" "), s.name).toMatch(/says the fix is under way/);
    }
  });

  it("a change said to be made, citing the message that plans or causes it, is false where nothing changed", () => {
    let checked = 0;
    for (const s of NOTHING_CHANGED) {
      const topic =
        s.account.actions.find((a) => a.state === "planned") ?? s.account.cause ?? s.account.waitingOn;
      if (!topic) continue;
      checked += 1;
      for (const claim of ["We've updated the configuration.", "The settings have been corrected."]) {
        expect(problemsOf(s, claim, topic.sources).join(" "), s.name).toMatch(
          /says something was changed .* no change made yet/,
        );
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("plans, conditions, negations and other people's past work are not claims", () => {
    const honest = [
      "We plan to update the setting once you approve.",
      "We will apply the fix tonight.",
      "We have not changed anything yet.",
      "If the change works, everything will work again.",
      "Once it is fixed, we will let you know.",
      "Fixing it needs a restart.",
      "The update was installed by the vendor last week.",
      "You restarted the router this morning.",
    ];
    for (const s of NOTHING_CHANGED)
      for (const sentence of honest) expect(problemsOf(s, sentence), s.name).toEqual([]);
  });

  it("waiting on someone is a false claim only where the account waits on nobody", () => {
    const claim = "We're waiting for your go-ahead before we continue.";
    const idle = SESSIONS.filter((s) => !s.account.waitingOn && s.account.stage !== "resolved");
    const waiting = SESSIONS.filter((s) => s.account.waitingOn);
    expect(idle.length).toBeGreaterThan(0);
    for (const s of idle) expect(problemsOf(s, claim).join(" "), s.name).toMatch(/waits on nobody now/);
    for (const s of waiting) expect(problemsOf(s, claim), s.name).toEqual([]);
  });

  it("ids must exist and their messages must speak of the sentence", () => {
    const s = SESSIONS.find((x) => x.name === "d2-sitevpn-rekey-drops")!;
    const sentence = "The warehouse connection drops every eight hours.";
    expect(problemsOf(s, sentence, ["m6"])).toEqual([]);
    expect(problemsOf(s, sentence, ["m0"]).join(" ")).toContain("cites m0, which the session does not have");
    expect(problemsOf(s, sentence, ["m17"]).join(" ")).toContain("(its messages are m1-m16)");
    expect(problemsOf(s, sentence, ["m13"]).join(" ")).toContain(
      "cites m13, but those messages say nothing of it",
    );
  });
});
