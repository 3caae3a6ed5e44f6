import { lowerFirst, wordCount } from "../../context/sentences.ts";
import type { Fact, SessionFacts } from "../../context/session-facts.ts";
import { findClientViolations, findPlainTerms, makeClientSafe } from "../../guardrails/index.ts";
import { firstSentence, joinAnd } from "./format.ts";

/**
 * The plain-language pieces of a client update, derived from the session's
 * technical facts. Every piece is either built from the glossary's plain
 * wording or checked against the client guardrails; anything that cannot be
 * said safely is left out rather than risked.
 */
export interface ClientPhrasing {
  /** "the email delivery issue", "the issue with the front desk printer". */
  issue: string;
  /** "an expired security certificate", or null when no safe wording exists. */
  cause: string | null;
  /** "the email settings and the email account". */
  checkedAreas: string | null;
  /** "the internet connection or the email accounts". */
  ruledOut: string | null;
  /** The next steps as a verb phrase: "test with one remote user and notify everyone to reconnect". */
  next: string | null;
  /** The next steps depend on the client (approval, confirmation). */
  waitingOnClient: boolean;
  /** A safe sentence about the fix, for resolutions. */
  fix: string | null;
}

const ISSUE_NOUN =
  /\b(?:issue|issues|problem|problems|outage|error|errors|failure|failures|incident|request|slowness|disruption|trouble|question|alert|alerts)$/i;
const ISSUE_VERB =
  /\b(?:cannot|can't|can not|unable to|not able to|won't|doesn't|don't|isn't|aren't|keeps?|fails? to|failing to|is|are|has|have|getting|gets)\b/i;
const ISSUE_STATE =
  /^(.*?)\s+(?:offline|down|slow|not working|broken|unavailable|missing|full|stuck|failing|locked out|unreachable|intermittent|disconnecting|crashing|freezing|not printing|not syncing|not responding|error)\b/i;
const DETERMINER = /^(?:the|a|an|our|your|their|his|her|its|my|all|some|every|each|several|multiple|\d+)\b/i;

/** A client-safe reference to the ticket's issue, usable mid-sentence. */
export function plainIssue(summary: string | undefined): string {
  if (!summary) return "the issue you reported";
  const safe = lowerFirst(
    makeClientSafe(summary)
      .replace(/[.!?]+$/, "")
      .trim(),
  );
  if (!safe || !isClientSafe(safe)) return "the issue you reported";
  if (ISSUE_NOUN.test(safe)) return DETERMINER.test(safe) ? safe : `the ${safe}`;
  const state = ISSUE_STATE.exec(safe);
  if (state?.[1] && wordCount(state[1]) <= 6) {
    const subject = state[1].trim();
    return `the issue with ${DETERMINER.test(subject) ? subject : `the ${subject}`}`;
  }
  if (ISSUE_VERB.test(safe)) return `the issue where ${safe}`;
  if (wordCount(safe) <= 5) return `the ${safe} issue`;
  return "the issue you reported";
}

const QUALIFIERS: Array<[RegExp, string]> = [
  [/\bexpir(?:ed|ing|y)\b/i, "expired"],
  [
    /\b(?:mis-?configured|mis-?scoped|wrongly|incorrect(?:ly)?|wrong|scoped|instead of|set to|misapplied|too broad)\b/i,
    "incorrectly configured",
  ],
  [/\b(?:corrupt(?:ed|ion)?|damaged)\b/i, "damaged"],
  [/\b(?:full|out of (?:space|storage)|no (?:free )?space)\b/i, "full"],
  [/\b(?:fail(?:ed|ing)|dead|faulty|bad)\b/i, "faulty"],
  [/\b(?:outdated|out of date|old|obsolete|unsupported)\b/i, "outdated"],
  [/\b(?:locked(?: out)?)\b/i, "locked"],
  [/\b(?:disabled|turned off|switched off)\b/i, "disabled"],
  [/\b(?:missing|deleted|removed)\b/i, "missing"],
  [/\b(?:revoked)\b/i, "revoked"],
  [/\b(?:blocking|blocked)\b/i, "blocking"],
];

const article = (phrase: string) => (/^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`);

/** "an expired security certificate": the qualifier nearest to a glossary term in the diagnosis. */
export function plainCause(diagnosis: Fact | null): string | null {
  if (!diagnosis) return null;
  const text = diagnosis.text;
  // Adjectival wording ("organization-wide") cannot head a noun phrase.
  const terms = findPlainTerms(text).filter((t) => !/-wide$/.test(t.plain));
  if (terms.length > 0) {
    let best: { term: (typeof terms)[number]; qualifier: string | null; distance: number } | null = null;
    for (const [re, qualifier] of QUALIFIERS) {
      const m = new RegExp(re.source, "ig");
      for (let hit = m.exec(text); hit; hit = m.exec(text)) {
        for (const term of terms) {
          const distance = Math.abs(hit.index - term.index);
          if (!best || distance < best.distance) best = { term, qualifier, distance };
        }
      }
    }
    const term = best?.term ?? terms[0]!;
    const noun = term.plain.replace(/^(?:the|a|an|your)\s+/i, "");
    if (!best?.qualifier) return `a problem with the ${noun}`;
    if (best.qualifier === "blocking") return `${article(noun)} that was blocking more than it should`;
    return article(`${best.qualifier} ${noun}`);
  }
  const safe = lowerFirst(makeClientSafe(firstSentence(text)));
  return isPlainEnough(safe, 14) ? safe : null;
}

/** The distinct plain areas named in the steps: "the email settings, the email delivery check and the email account". */
function plainAreas(facts: readonly Fact[], limit: number): string | null {
  const seen = new Set<string>();
  const areas: string[] = [];
  for (const f of facts) {
    for (const term of findPlainTerms(f.text)) {
      const noun = term.plain.replace(/^(?:the|a|an|your)\s+/i, "");
      if (seen.has(noun)) continue;
      seen.add(noun);
      areas.push(`the ${noun}`);
    }
  }
  return areas.length > 0 ? joinAnd(areas.slice(0, limit)) : null;
}

function plainRuledOut(facts: readonly Fact[]): string | null {
  const items: string[] = [];
  for (const f of facts) {
    const safe = lowerFirst(
      makeClientSafe(f.text)
        .replace(/[.!]+$/, "")
        .trim(),
    );
    if (isPlainEnough(safe, 6)) items.push(safe);
  }
  const unique = [...new Set(items)].slice(0, 3);
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

const CLIENT_DEPENDENT =
  /\b(?:client|customer|approv\w*|sign[- ]?off|permission|consent|confirm with|check with|ask (?:them|the)|they approve|their ok|go[- ]ahead)\b/i;

function plainNext(facts: readonly Fact[]): { next: string | null; waitingOnClient: boolean } {
  let waitingOnClient = false;
  const parts: string[] = [];
  for (const f of facts) {
    if (CLIENT_DEPENDENT.test(f.text)) {
      waitingOnClient = true;
      continue;
    }
    const safe = lowerFirst(makeClientSafe(firstSentence(f.text)).trim()).replace(
      /^(?:we'll|we will|i'll|i will|will)\s+/i,
      "",
    );
    if (isPlainEnough(safe, 14) && startsWithStepVerb(safe)) parts.push(safe);
  }
  return { next: parts.length > 0 ? joinAnd(parts.slice(0, 2)) : null, waitingOnClient };
}

function plainFix(facts: SessionFacts): string | null {
  const source = facts.resolutionSummary;
  if (!source) return null;
  const safe = makeClientSafe(firstSentence(source)).trim();
  return isPlainEnough(lowerFirst(safe), 25) ? safe : null;
}

export function isClientSafe(text: string): boolean {
  return findClientViolations(text).length === 0;
}

/**
 * Stricter than the guardrails, for wording lifted from engineer messages:
 * no digits, quotes, slashes, colons or capitalised words after the first
 * (product and tool names are), and short.
 */
export function isPlainEnough(text: string, maxWords: number): boolean {
  if (!text || wordCount(text) > maxWords || !isClientSafe(text)) return false;
  if (/[\d'"`‘’“”/\\_:;=<>{}[\]|@#]/.test(text)) return false;
  return !text
    .split(/\s+/)
    .slice(1)
    .some(
      (w) =>
        /[A-Z]/.test(w) &&
        w !== "I" &&
        !/^(?:Microsoft|Windows|Outlook|Teams|Wi-Fi|OneDrive|SharePoint|Excel|Word)$/.test(
          w.replace(/[.,!?]$/, ""),
        ),
    );
}

/** Base-form verbs a next step may start with, so "we'll <step>" stays grammatical. */
const STEP_VERBS = new Set(
  "add allow apply archive ask book call change check clean clear confirm contact copy create deploy disable document email enable escalate finish fix follow get give have install keep let load make map migrate monitor move notify open order patch plan push re-enable rebuild reboot reconnect reinstall remove renew repair replace request reset restart restore resume retest review roll rotate run schedule send set ship sign swap switch sync test try turn unblock update upgrade verify wait watch".split(
    " ",
  ),
);

function startsWithStepVerb(text: string): boolean {
  return STEP_VERBS.has((text.split(/\s+/, 1)[0] ?? "").toLowerCase());
}

/** All client-facing pieces for one update. */
export function buildClientPhrasing(facts: SessionFacts): ClientPhrasing {
  const { next, waitingOnClient } = plainNext(facts.nextSteps);
  return {
    issue: plainIssue(facts.summary),
    cause: plainCause(facts.diagnosis),
    checkedAreas: plainAreas(facts.steps, 3),
    ruledOut: plainRuledOut(facts.ruledOut),
    next,
    waitingOnClient,
    fix: plainFix(facts),
  };
}
