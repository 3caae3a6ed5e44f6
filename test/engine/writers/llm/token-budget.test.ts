import { describe, expect, it } from "vitest";
import { buildSessionAccount } from "../../../../src/engine/account/index.ts";
import { buildSessionFacts } from "../../../../src/engine/context/session-facts.ts";
import { DEFAULT_TEMPLATES } from "../../../../src/engine/templates.ts";
import { AUDIENCES, type SessionSnapshot } from "../../../../src/engine/types.ts";
import { buildPrompt, PROMPT_TOKEN_BUDGET } from "../../../../src/engine/writers/llm/prompt.ts";
import { countTokens } from "../../../../src/engine/writers/llm/tokens.ts";
import type { WriterInput } from "../../../../src/engine/writers/types.ts";
import { LONG_SESSION_SECRET, makeLongSession } from "../../../support/long-session.ts";
import { snapshotOf } from "./support.ts";

function inputFor(session: SessionSnapshot, audience: WriterInput["audience"] = "ticket_notes"): WriterInput {
  const context =
    session.status === "resolved" ? "resolution" : session.status === "escalated" ? "escalation" : "update";
  return {
    session,
    facts: buildSessionFacts(session),
    account: buildSessionAccount(session),
    audience,
    length: "detailed",
    context,
    templates: DEFAULT_TEMPLATES,
  };
}

/** Prompt tokens counted independently of the writer's own bookkeeping. */
const independentCount = (p: { system: string; user: string }) => countTokens(p.system) + countTokens(p.user);

const WORDS =
  "amber basalt cobalt delta ember fjord garnet harbor indigo juniper kelvin lumen marble nickel onyx prism quartz raven sierra tundra umber velvet willow xenon yarrow zephyr".split(
    " ",
  );
/** A distinct multi-word label for item i (dedupe ignores digits, so labels differ in words). */
const label = (i: number) =>
  `${WORDS[i % 26]} ${WORDS[Math.floor(i / 26) % 26]} ${WORDS[Math.floor(i / 676) % 26]}`;

/** A session whose facts alone are far over budget: hundreds of long distinct steps and ruled-out checks. */
function hugeFactsSession(): SessionSnapshot {
  const start = Date.parse("2026-05-04T08:00:00Z");
  const at = (i: number) => new Date(start + i * 30_000).toISOString();
  const messages: { at: string; author: "engineer" | "client" | "assistant"; text: string }[] = [
    {
      at: at(0),
      author: "engineer",
      text: "Users report the payroll app cannot connect to its database since 07:40; first symptom seen at the front desk.",
    },
  ];
  for (let i = 1; i <= 400; i++) {
    const filler =
      "with counters captured before and after and compared against the baseline from last week ".repeat(3);
    messages.push({
      at: at(i),
      author: "engineer",
      text:
        i % 5 === 0
          ? `Ruled out the ${label(i)} service: ${filler}`
          : `Checked the ${label(i)} component on PAY-SQL0${i % 9} - returned ${i} warnings ${filler}`,
    });
  }
  messages.push({
    at: at(401),
    author: "engineer",
    text: "Found it: the payroll database certificate expired overnight, so TLS handshakes fail. That's the root cause.",
  });
  const long =
    "keeping the change log, the rollback notes and the user list up to date as we go along ".repeat(3);
  for (let i = 0; i < 40; i++) {
    const t = 402 + i * 4;
    messages.push({
      at: at(t),
      author: "engineer",
      text: `Updated the ${label(i + 500)} setting on the payroll host ${long}`,
    });
    messages.push({
      at: at(t + 1),
      author: "engineer",
      text: `Confirmed it's working for the ${label(i + 600)} team ${long}`,
    });
    messages.push({
      at: at(t + 2),
      author: "engineer",
      text: `Recommend reviewing the ${label(i + 700)} alerts ${long}`,
    });
    messages.push({
      at: at(t + 3),
      author: "engineer",
      text: `Next: check the ${label(i + 800)} job ${long}; then watch the ${label(i + 900)} queue ${long}; then call the ${label(i + 1000)} lead ${long}`,
    });
  }
  messages.push({
    at: at(600),
    author: "engineer",
    text: "Renewed the certificate and restarted the payroll service; connections work again.",
  });
  const snapshot = snapshotOf({
    ticket: { id: "TKT-7001", summary: "Payroll app cannot connect", company: "Harbor Dental" },
    engineer: { name: "Sam Ortiz", company: "Northwind IT" },
    status: "resolved",
    started_at: at(0),
    now: at(601),
    resolution_summary: `Renewed the expired SQL TLS certificate on PAY-SQL01 and restarted the payroll service. ${"Confirmed with three users that payroll opens and saves. ".repeat(20)}`,
    messages,
  });
  snapshot.previousUpdates.push({
    audience: "ticket_notes",
    length: "detailed",
    context: "update",
    content: `Status: Investigating. ${"Checked the payroll components one by one and noted each result. ".repeat(30)}`,
    sessionStatus: "investigating",
    generatedAt: new Date(start + 300 * 30_000),
    messageCount: 300,
  });
  return snapshot;
}

describe("LLM prompt: bounded for any session length", () => {
  it.each([10, 100, 1_000, 10_000])(
    "a %i-message session stays within the budget and keeps early key facts and recent messages",
    (n) => {
      const session = snapshotOf(makeLongSession(n, { seed: 11 }));
      for (const audience of AUDIENCES) {
        const prompt = buildPrompt(inputFor(session, audience));
        expect(prompt.tokens).toBeLessThanOrEqual(PROMPT_TOKEN_BUDGET);
        expect(independentCount(prompt)).toBeLessThanOrEqual(PROMPT_TOKEN_BUDGET);
        expect(prompt.user).not.toContain(LONG_SESSION_SECRET);
        // Early key facts: the first symptoms and both things ruled out early.
        expect(prompt.user).toContain("Whole warehouse team reports OrderPoint ERP freezing");
        if (n >= 100) {
          expect(prompt.user).toMatch(/Ruled out:[\s\S]*- Network: continuous ping/);
          expect(prompt.user).toMatch(/Ruled out:[\s\S]*- Domain controller: RVF-DC01/);
          expect(prompt.user).toMatch(/Current diagnosis: The transaction log for OrderPointDB/);
        }
        // Recent messages verbatim, newest last.
        const last = session.messages.slice(-Math.min(20, n));
        let from = 0;
        for (const m of last) {
          const text = m.text.replace(LONG_SESSION_SECRET, "[password removed]");
          const at = prompt.user.indexOf(`${m.author}] ${text}`, from);
          expect(at, m.text).toBeGreaterThan(0);
          from = at;
        }
        // The account, with message ids, and the newest message under the same id.
        expect(prompt.user).toMatch(/\nSession account [^\n]*\nStage: \w+: /);
        expect(prompt.user).toMatch(/\n- [^\n]+ \[m\d+(?:, m\d+)*\]\n/);
        expect(prompt.user).toContain(`\nm${n} [`);
        if (n === 10_000) {
          expect(prompt.recentMessages).toBeGreaterThan(50);
          expect(prompt.user).toContain(`most recent of 10000 messages`);
        }
      }
    },
  );

  it("trims fact lists when the facts alone exceed the budget, never the diagnosis or resolution", () => {
    const input = inputFor(hugeFactsSession());
    expect(input.facts.steps.length).toBeGreaterThan(20);
    const prompt = buildPrompt(input);
    expect(prompt.tokens).toBeLessThanOrEqual(PROMPT_TOKEN_BUDGET);
    expect(independentCount(prompt)).toBeLessThanOrEqual(PROMPT_TOKEN_BUDGET);
    expect(prompt.droppedFacts).toBeGreaterThan(0);
    expect(prompt.user).toContain("Users report the payroll app cannot connect to its database");
    // The first findings survive trimming.
    for (const first of input.facts.steps.slice(0, 3)) expect(prompt.user).toContain(first.text.slice(0, 60));
    expect(prompt.user).toContain(`- ${input.facts.ruledOut[0]!.text.slice(0, 40)}`);
    expect(prompt.user).toContain("Current diagnosis: The payroll database certificate expired overnight");
    expect(prompt.user).toContain(
      "Resolution summary from the engineer (authoritative — what fixed it): Renewed the expired SQL TLS certificate",
    );
    // Room is left for the newest messages, verbatim.
    expect(prompt.recentMessages).toBeGreaterThan(3);
    expect(prompt.user).toContain(
      "Renewed the certificate and restarted the payroll service; connections work again.",
    );
  });

  it("honours a much smaller budget too", () => {
    for (const budget of [3_000, 2_000]) {
      const prompt = buildPrompt(inputFor(hugeFactsSession()), budget);
      expect(prompt.tokens).toBeLessThanOrEqual(budget);
      expect(independentCount(prompt)).toBeLessThanOrEqual(budget);
      expect(prompt.user).toContain("</session_data>");
      expect(prompt.user).toContain("Current diagnosis: The payroll database certificate expired overnight");
    }
  });
});
