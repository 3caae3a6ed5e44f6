import { readClause } from "../../context/roles/clause.ts";
import { capitalize, lowerFirst, wordCount } from "../../context/sentences.ts";
import type { Fact, SessionFacts, WaitingFact } from "../../context/session-facts.ts";
import { findClientViolations, findPlainTerms, makeClientSafe } from "../../guardrails/index.ts";
import { firstSentence, joinAnd } from "./format.ts";
import { plainActions } from "./plain-actions.ts";

/**
 * The plain-language pieces of a client update, derived from the session's
 * technical facts. Every piece is built from whole facts (what kind of thing
 * was found or changed) or checked against the client guardrails; anything
 * that cannot be said safely is left out rather than risked.
 */
export interface ClientPhrasing {
  /** "the email delivery issue", "the issue you reported (“Lost phone – cannot sign in”)". */
  issue: string;
  /** "an expired security certificate", or null when no safe wording exists. */
  cause: string | null;
  /** What we changed, as past verb phrases: "reversed the recent update". */
  done: string[];
  /** "the email settings and the email account". */
  checkedAreas: string | null;
  /** "the internet connection or the email account". */
  ruledOut: string | null;
  /** Good news as whole clauses: "your backups are intact". */
  reassurance: string[];
  /** The next steps as a verb phrase: "test with one remote user and notify everyone to reconnect". */
  next: string | null;
  /** What we need from the client, if anything. */
  need: ClientNeed | null;
  /** Who else the work waits on: "your internet provider". */
  waitingOn: string | null;
  /** The fix is in and taking effect (a sync, a copy, a restart). */
  takingEffect: boolean;
  /** A stopgap that keeps them working meanwhile, as a clause. */
  workaround: string | null;
  /** A safe sentence about the fix, for resolutions. */
  fix: string | null;
  /** A plain reason for bringing in a specialist, as a clause. */
  escalationReason: string | null;
}

export type ClientNeed = "approval" | "window" | "tester" | "onsite" | "reply";

const ISSUE_NOUN =
  /\b(?:issue|issues|problem|problems|outage|error|errors|failure|failures|incident|request|slowness|disruption|trouble|question|alert|alerts|setup|onboarding|offboarding|migration)$/i;
const DETERMINER = /^(?:the|a|an|our|your|their|his|her|its|my|all|some|every|each|several|multiple|\d+)\b/i;
const TOKEN_KINDS = new Set(["ip", "hostname", "email", "path", "url", "error_code", "secret"]);

/** A client-safe reference to the ticket's issue, usable mid-sentence. */
export function plainIssue(summary: string | undefined): string {
  if (!summary) return "the issue you reported";
  // Names, addresses and codes cannot be rephrased safely: a summary with one is not quoted at all.
  if (findClientViolations(summary).some((v) => TOKEN_KINDS.has(v.kind))) return "the issue you reported";
  const safe = makeClientSafe(summary)
    .replace(/[.!?]+$/, "")
    .trim();
  if (!safe || !isClientSafe(safe)) return "the issue you reported";
  // A title's first word is a noun more often than a command: "Email delivery issue", "Update failed".
  const verbs = readClause(safe).verbs.filter((v) => !(v.index === 0 && v.form === "base"));
  const isNounPhrase = verbs.length === 0 && !/\b(?:not|no|can|cannot|won't|can't)\b/i.test(safe);
  if (isNounPhrase && !/[:;()\-–—/]/.test(safe)) {
    const lower = lowerFirst(safe);
    if (ISSUE_NOUN.test(safe) || wordCount(safe) > 3) return DETERMINER.test(lower) ? lower : `the ${lower}`;
    return `the ${lower} issue`;
  }
  return wordCount(safe) <= 14 ? `the issue you reported (“${capitalize(safe)}”)` : "the issue you reported";
}

const QUALIFIERS: Array<[RegExp, string]> = [
  [/\bexpir(?:ed|ing|y)\b/i, "expired"],
  [
    /\b(?:mis-?configured|mis-?scoped|wrongly|incorrect(?:ly)?|wrong|scoped|instead of|set to|misapplied|too broad)\b/i,
    "incorrectly configured",
  ],
  [/\b(?:corrupt(?:ed|ion)?|damaged)\b/i, "damaged"],
  [/\b(?:full|out of (?:space|storage)|no (?:free )?space)\b/i, "full"],
  [/\b(?:fail(?:ed|ing)|dead|faulty|bad|fault)\b/i, "faulty"],
  [/\b(?:outdated|out of date|old|obsolete|unsupported|mismatch\w*|older)\b/i, "outdated"],
  [/\b(?:locked(?: out)?)\b/i, "locked"],
  [/\b(?:disabled|turned off|switched off|stopped)\b/i, "stopped"],
  [/\b(?:missing|deleted|removed)\b/i, "missing"],
  [/\b(?:revoked)\b/i, "revoked"],
  [/\b(?:blocking|blocked|blocks|filters?|filtering)\b/i, "blocking"],
  [/\b(?:regression|bug|defect|known issue)\b/i, "faulty"],
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
    const noun = term.plain.replace(/^(?:the|a|an|your|our)\s+/i, "");
    if (!best?.qualifier) return `a problem with the ${noun}`;
    if (best.qualifier === "blocking") return `${article(noun)} that was blocking more than it should`;
    return article(`${best.qualifier} ${noun}`);
  }
  const safe = lowerFirst(makeClientSafe(firstSentence(text)));
  return isPlainEnough(safe, 14) && readClause(safe).verbs.length === 0 ? safe : null;
}

/** "the email settings", "our security tools": a plain noun with the right determiner. */
function withDeterminer(plain: string): string {
  return /^(?:the|a|an|your|our)\s/i.test(plain) ? plain : `the ${plain}`;
}

/** The distinct plain areas named in the steps: "the email settings, the email delivery check and the email account". */
function plainAreas(facts: readonly Fact[], limit: number): string | null {
  const seen = new Set<string>();
  const areas: string[] = [];
  for (const f of facts) {
    for (const term of findPlainTerms(f.text)) {
      const area = withDeterminer(term.plain);
      if (seen.has(area)) continue;
      seen.add(area);
      areas.push(area);
    }
  }
  return areas.length > 0 ? joinAnd(areas.slice(0, limit)) : null;
}

/** Ruled-out things that read as a noun phrase once made client-safe: "the internet connection". */
function plainRuledOut(facts: readonly Fact[]): string | null {
  const items: string[] = [];
  for (const f of facts) {
    if (FEARED.test(f.text)) continue;
    const safe = lowerFirst(
      makeClientSafe(f.text)
        .replace(/\s*[:\-—–].*$/, "")
        .replace(/\b(?:either|too|as well|for now|so far)\s*[.!]*$/i, "")
        .replace(/[.!]+$/, "")
        .trim(),
    );
    if (
      !isPlainEnough(safe, 5) ||
      readClause(safe).verbs.length > 0 ||
      /-specific$|\b(?:so|and|or|but)$/.test(safe)
    ) {
      continue;
    }
    items.push(/^(?:a|an|the|any|your|our)\s/i.test(safe) ? safe : `the ${safe}`);
  }
  const unique = [...new Set(items)].slice(0, 3);
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

/** What a client fears in a security or data incident: ruling it out is good news, said as such. */
const FEARED =
  /\b(?:encrypt\w*|ransom\w*|malware|virus|compromis\w*|breach\w*|data loss|exfiltrat\w*|shadow cop\w*|backups?|deleted files?|tamper\w*|intrusion|unauthori[sz]ed)\b/i;

function reassurances(facts: SessionFacts): string[] {
  const out = new Set<string>();
  for (const f of [...facts.ruledOut, ...facts.verified, ...facts.steps]) {
    const t = f.text;
    if (!FEARED.test(t)) continue;
    const negative =
      /\b(?:ruled? out|no |not |nothing|none|clean|intact|fine|ok|completed successfully|succeeded|unaffected|untouched)\b/i.test(
        t,
      );
    if (!negative) continue;
    if (/\bbackups?\b|\bshadow cop/i.test(t)) out.add("your backups are intact");
    else if (/\b(?:encrypt|ransom|deleted files?|data loss|tamper)/i.test(t))
      out.add("your files are safe and unchanged");
    else out.add("there's no sign that anyone got into your systems");
  }
  return [...out].slice(0, 2);
}

const CLIENT_DEPENDENT =
  /\b(?:client|customer|approv\w*|sign[- ]?off|permission|consent|confirm with|check with|ask (?:them|the)|they approve|their ok|go[- ]ahead|oks? it)\b/i;

/** Leads that frame a plan rather than state it: "fix is to", "we'll", "need to". */
const PLAN_LEAD =
  /^(?:(?:the )?(?:fix|plan|idea|next step|solution)(?: here)? (?:is|will be) to|we(?:'ll| will)|i(?:'ll| will)|will|need to|going to|plan to|want to|then|next,?)\s+/i;

function plainNext(facts: readonly Fact[]): string | null {
  const parts: string[] = [];
  for (const f of facts) {
    if (CLIENT_DEPENDENT.test(f.text)) continue;
    let safe = lowerFirst(makeClientSafe(firstSentence(f.text)).trim());
    for (let i = 0; i < 3 && PLAN_LEAD.test(safe); i++) safe = safe.replace(PLAN_LEAD, "");
    if (isPlainEnough(safe, 14) && startsWithStepVerb(safe)) parts.push(safe);
  }
  return parts.length > 0 ? joinAnd(parts.slice(0, 2)) : null;
}

/** What we need from the client, from what the work waits on and the plan. */
function clientNeed(facts: SessionFacts): ClientNeed | null {
  const texts = [
    ...facts.waiting.filter((w) => w.on === "client" || w.on === "someone").map((w) => w.text),
    ...facts.nextSteps.filter((f) => CLIENT_DEPENDENT.test(f.text)).map((f) => f.text),
  ];
  if (texts.length === 0) return null;
  const all = texts.join(" ");
  if (/\b(?:approv\w*|sign[- ]?off|go[- ]ahead|consent|permission|oks? it|authori[sz]\w*)\b/i.test(all))
    return "approval";
  if (
    /\b(?:window|after hours|tonight|out of (?:the|their)|everyone(?:'s| is)? (?:out|gone|off)|downtime|shift change|when they close)\b/i.test(
      all,
    )
  ) {
    return "window";
  }
  if (/\b(?:test|try it|confirm it works|check it works|let us know if)\b/i.test(all)) return "tester";
  if (/\b(?:on ?site|be around|in the office|physically|hands)\b/i.test(all)) return "onsite";
  return "reply";
}

function vendorWaitedOn(waiting: readonly WaitingFact[]): string | null {
  const vendor = waiting.filter((w) => w.on === "vendor").at(-1);
  if (!vendor) return null;
  if (
    /\b(?:isp|carrier|comcast|verizon|at&t|bt|telstra|line|circuit|fibre|fiber|broadband|internet provider)\b/i.test(
      vendor.text,
    )
  ) {
    return "your internet provider";
  }
  if (/\b(?:microsoft|m365|office 365|azure)\b/i.test(vendor.text)) return "Microsoft";
  if (/\b(?:tech|technician|engineer)\b.*\b(?:dispatch\w*|visit|on ?site|coming)\b/i.test(vendor.text))
    return "the provider's technician";
  return "the vendor";
}

/** A workaround said plainly, or null when it cannot be said without technical detail. */
function plainWorkaround(facts: readonly Fact[]): string | null {
  for (const f of [...facts].reverse()) {
    const body = f.text
      .replace(/^.*?\b(?:workaround|stop-?gap)(?: (?:until then|for now|meanwhile))?\s*[:\-—–]\s*/i, "")
      .replace(/\b(?:in the meantime|meanwhile|until then|for now)\b[,.]?/gi, "")
      .trim();
    const safe = lowerFirst(makeClientSafe(firstSentence(body)));
    if (isPlainEnough(safe, 22) && readClause(safe).verbs.length > 0 && !/\b(?:i|we)\b/i.test(safe))
      return safe;
  }
  return null;
}

function plainReason(reason: string | undefined): string | null {
  if (!reason) return null;
  const safe = lowerFirst(makeClientSafe(firstSentence(reason)));
  return isPlainEnough(safe, 20) && readClause(safe).verbs.length > 0 ? safe : null;
}

/** A resolution summary's first sentence, when it is plain and a real sentence (not "False positive."). */
function plainFix(facts: SessionFacts): string | null {
  const source = facts.resolutionSummary;
  if (!source) return null;
  const safe = makeClientSafe(firstSentence(source)).trim();
  if (!isPlainEnough(lowerFirst(safe), 25) || readClause(safe).verbs.length === 0) return null;
  return capitalize(safe);
}

export function isClientSafe(text: string): boolean {
  return findClientViolations(text).length === 0;
}

/** Product names a client knows, kept capitalised mid-sentence. */
const KNOWN_NAMES =
  /^(?:Microsoft|Windows|Outlook|Teams|Wi-Fi|OneDrive|SharePoint|Excel|Word|QuickBooks|iPads?|iPhones?|Macs?|Google|Gmail|Chrome|Zoom|Dropbox|Adobe|Acrobat)$/;

/**
 * Stricter than the guardrails, for wording lifted from engineer messages:
 * no digits, quotes, slashes, colons or capitalised words after the first
 * (product and tool names are), and short.
 */
export function isPlainEnough(text: string, maxWords: number): boolean {
  if (!text || wordCount(text) > maxWords || !isClientSafe(text)) return false;
  if (
    /[\d'"`‘’“”/\\_:;=<>{}[\]|@#+]/.test(
      text.replace(
        /\b(?:it|that|there|what|he|she|they|we|you|don|can|won|isn|aren|doesn|didn)['’](?:s|t|re|ll|ve|d)\b/gi,
        "",
      ),
    )
  ) {
    return false;
  }
  return !text
    .split(/\s+/)
    .slice(1)
    .some((w) => /[A-Z]/.test(w) && w !== "I" && !KNOWN_NAMES.test(w.replace(/[.,!?]$/, "")));
}

/** Base-form verbs a next step may start with, so "we'll <step>" stays grammatical. */
const STEP_VERBS = new Set(
  "add allow apply archive ask book call change check clean clear compare confirm contact copy create deploy diff disable document email enable escalate finish fix follow get give have install keep let link load look make map migrate monitor move notify open order patch plan pull push re-enable rebuild reboot reconnect reinstall remove renew repair replace request reset restart restore resume retest review roll rotate run schedule send set ship sign swap switch sync test try turn unblock update upgrade verify wait watch".split(
    " ",
  ),
);

function startsWithStepVerb(text: string): boolean {
  return STEP_VERBS.has((text.split(/\s+/, 1)[0] ?? "").toLowerCase());
}

/** All client-facing pieces for one update. */
export function buildClientPhrasing(facts: SessionFacts): ClientPhrasing {
  return {
    issue: plainIssue(facts.summary),
    cause: plainCause(facts.diagnosis),
    done: plainActions(facts.fixWork, 3),
    checkedAreas: plainAreas(facts.steps, 3),
    ruledOut: plainRuledOut(facts.ruledOut),
    reassurance: reassurances(facts),
    next: plainNext(facts.nextSteps),
    need: clientNeed(facts),
    waitingOn: vendorWaitedOn(facts.waiting),
    takingEffect: facts.waiting.some((w) => w.on === "process") || facts.verified.length > 0,
    workaround: plainWorkaround(facts.workarounds),
    fix: plainFix(facts),
    escalationReason: plainReason(facts.escalationReason),
  };
}
