import { MARKER_PATTERN } from "../../../secrets/index.ts";
import { memoByText } from "../text-memo.ts";
import { type Clause, clauseOf, expandContractions, forgetClauses, type VerbUse } from "./clause.ts";
import {
  ASIDE,
  CAUSE,
  CAUSE_LEAD,
  CAUSE_POINTER,
  CAUSE_SO,
  CAUSE_UNKNOWN,
  CHATTER,
  HISTORY,
  HYPOTHESIS,
  LIKELY,
  NEED_LEAD,
  NEXT_LEAD,
  NOT_THE_FIX,
  PLANNED_FIX,
  REPORT_LABEL,
  RULED_OUT,
  STILL_FAILING,
  SYMPTOM,
  TOLD_PERSON,
  WAITING,
  WAITING_ON_CLIENT,
  WAITING_ON_PROCESS,
  WAITING_ON_VENDOR,
  WORKS,
} from "./cues.ts";
import { ruledOutObject } from "./ruled-out-object.ts";

/**
 * The part a statement plays in a troubleshooting session. Chatter and asides
 * never reach an update.
 */
export type StatementRole =
  | "symptom"
  | "action"
  | "finding"
  | "ruled_out"
  | "cause"
  | "fix"
  | "fix_in_progress"
  | "verification"
  | "waiting"
  | "next"
  | "chatter"
  | "aside";

export type WaitingOn = "client" | "vendor" | "process" | "someone";

export interface Statement {
  role: StatementRole;
  /** The statement as written (cause: without its "Root cause:" lead). */
  text: string;
  /** ruled_out: what was ruled out. */
  object?: string;
  /** cause: stated as likely rather than certain. */
  likely?: boolean;
  /** waiting: on whom or what. */
  waitingOn?: WaitingOn;
  /** symptom after the first message: an attempt did not help. */
  persisting?: boolean;
  /** finding: the engineer says the cause is not known. */
  causeUnknown?: boolean;
  /** cause: only points back at the previous statement ("That's the root cause."). */
  pointer?: boolean;
  /** cause: named as the root cause or culprit, not only implied. */
  strong?: boolean;
  /** The engineer says nothing has been changed yet ("not touching it until then"). */
  holdsOff?: boolean;
}

export interface StatementContext {
  /** The statement comes from the engineer's first message: plain statements describe the problem. */
  first: boolean;
}

/** Quoted text and error messages are someone else's words: kept in the statement, not read for cues. */
const QUOTED = /"[^"]*"|“[^”]*”|(?<![\p{L}\d])'[^'\n]{2,}'(?![\p{L}\d])|`[^`]*`/gu;

/** Statements already read, by text: of the first message, and of every later one. */
const READ_FIRST = memoByText((text) => readStatement(text, { first: true }), 5_000);
const READ_LATER = memoByText((text) => readStatement(text, { first: false }), 50_000);

/** Classifies one statement an engineer wrote. The result is shared: treat it as read-only. */
export function classifyStatement(statement: string, context: StatementContext): Statement {
  return context.first ? READ_FIRST(statement) : READ_LATER(statement);
}

/** Drops the memos (benchmarks measure a first update). */
export function forgetReadStatements(): void {
  READ_FIRST.clear();
  READ_LATER.clear();
  forgetClauses();
}

function readStatement(statement: string, context: StatementContext): Statement {
  const text = statement.trim();
  // "[password removed]" is not something the engineer removed.
  const unquoted = text.replace(QUOTED, " quoted ").replace(MARKER_PATTERN, " secret ");
  const found = REPORT_LABEL.exec(unquoted);
  // "Deleted users: nothing matching" — a label names what was looked at; the words after it say what was found.
  const label =
    found && !/^\s*(?:done|fixed|applied|changes?|actions?|did|completed)\b/i.test(found[1]!) ? found : null;
  const body = label ? unquoted.slice(label[0].length) : unquoted;
  const clause = clauseOf(body);
  const t = ` ${expandContractions(unquoted.replace(IDENTIFIER, " token "))
    .replace(/[^a-z0-9%?\s'-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
  const role = (r: StatementRole, extra: Partial<Statement> = {}): Statement => ({ role: r, text, ...extra });

  if (t.trim() === "" || CHATTER.test(t) || lettersIn(text) < 3) return role("chatter");
  if (ASIDE.test(t) && !hasSubstance(text)) return role("aside");
  if (/^\s*@/.test(text) && !context.first && (text.includes("?") || !hasSubstance(text)))
    return role("aside");

  if (CAUSE_UNKNOWN.test(t))
    return NEXT_LEAD.test(t) ? role("next") : role("finding", { causeUnknown: true });
  if (TOLD_PERSON.test(expandContractions(unquoted)) && !context.first) return role("action");
  if (
    RULED_OUT.test(t) &&
    !causeAffirmed(t) &&
    !(context.first && !/\bruled?\b/.test(t)) &&
    !aboutPeople(t)
  ) {
    return role("ruled_out", { object: ruledOutObject(text) });
  }
  if (NEXT_LEAD.test(t)) return role("next");
  if (CAUSE_LEAD.test(text)) return causeRole(text, t, role);
  if (weAreWaiting(t)) {
    const on = waitingOn(t);
    // "Renewed it, waiting for it to sync": a fix taking effect.
    const changed = clause.verbs.some(
      (v) =>
        v.families.includes("change") && done(v) && (v.leading || v.subject === "i" || v.subject === "we"),
    );
    return role(on === "process" && changed ? "fix_in_progress" : "waiting", { waitingOn: on });
  }
  if (NEED_LEAD.test(t)) return role("next");
  const planned = clause.verbs.some((v) => v.future && !v.negated && !v.purpose) || isPlanned(t);
  const doneNow = clause.verbs.some((v) => done(v) && !INTENT_VERBS.has(v.infinitive));
  if (planned && !doneNow) return role("next");
  const main = clause.verbs.find((v) => !v.purpose && !INTENT_VERBS.has(v.infinitive));

  if (causeAffirmed(t) || CAUSE_SO.test(t)) {
    if (HYPOTHESIS.test(t) && !/\b(?:culprit|cause|likely|probably)\b/.test(t)) return role("finding");
    return causeRole(text, t, role);
  }
  if (context.first) return firstMessageRole(clause, t, role);

  if (STILL_FAILING.test(t)) return role("symptom", { persisting: true });
  if (NOT_THE_FIX.test(t) || HYPOTHESIS.test(t))
    return clause.verbs.some(isEngineerAction) ? role("action") : role("finding");
  if (WORKS.test(t) && !negatedOutcome(clause)) return role("verification");
  if (TOLD_PERSON.test(expandContractions(unquoted))) return role("action");

  if (RUNNING_JOB.test(t)) return role("fix_in_progress");
  const history = HISTORY.test(t);
  if (
    clause.verbs.some(
      (v) =>
        v.negated &&
        v.families.includes("change") &&
        !v.future &&
        (v.leading || v.subject === "i" || v.subject === "we" || v.subject === null),
    )
  ) {
    return role("finding", { holdsOff: true });
  }
  const change = clause.verbs.find(
    (v) => v.families.includes("change") && done(v) && byUs(v, clause, Boolean(label)),
  );
  const ours = change && (change.leading || change.subject === "i" || change.subject === "we");
  if (change && (ours || !history) && !(main && main !== change && main.families[0] === "communicate")) {
    if (change.progressive || /\b(?:running|in progress|underway|under way|\d+ ?%)\b/.test(t))
      return role("fix_in_progress");
    return role("fix");
  }
  if (
    clause.verbs.some(
      (v) =>
        v.progressive &&
        done(v) &&
        (v.families.includes("outcome") || ["monitor", "watch", "test", "verify"].includes(v.infinitive)),
    )
  ) {
    return role("verification");
  }
  if (/\bat \d{1,3} ?%|\b\d{1,3} ?% (?:done|complete|copied|through|finished)\b/.test(t))
    return role("fix_in_progress");
  if (
    clause.verbs.some(
      (v) => v.pastPerfect && !v.negated && (v.families.includes("fault") || v.families.includes("change")),
    ) ||
    expired(clause)
  ) {
    return role("cause", { likely: LIKELY.test(t) });
  }
  if (!history && clause.verbs.some((v) => done(v) && byUs(v, clause, Boolean(label)) && isEngineerAction(v)))
    return role("action");
  return role("finding");
}

/** "going to", "planning to", "trying to": verbs that carry a plan, not work done. */
const INTENT_VERBS = new Set(["go", "plan", "try", "want", "need", "intend", "hope", "aim", "mean"]);

type RoleOf = (r: StatementRole, extra?: Partial<Statement>) => Statement;

function causeRole(text: string, t: string, role: RoleOf): Statement {
  return role("cause", {
    text: text.replace(CAUSE_LEAD, "") || text,
    likely: LIKELY.test(t),
    strong: STRONG_CAUSE.test(t) || CAUSE_LEAD.test(text),
    pointer: CAUSE_POINTER.test(t),
  });
}

/** Identifiers ("log_reuse_wait_desc", "C:\\Shares", "cfg.wait=5") are names, not words to read cues from. */
const IDENTIFIER = /\S*[_\\/=]\S*|\b\w+(?:\.\w+){2,}\b/g;

/** A job visibly under way: "log backup still running", "copy at 88%". */
const RUNNING_JOB =
  /\b(?:backup|copy|copying|sync|migration|restore|install\w*|update|upload|download|rebuild|scan|job|transfer|export|import|reimage|rollout|deployment|replication)s? (?:is |are )?(?:still )?(?:running|going|in progress|underway|under way|at \d{1,3} ?%|\d{1,3} ?% (?:done|through|complete))/;

/** The engineer waits, not a system ("timeouts waiting on the server"). */
function weAreWaiting(t: string): boolean {
  const m = WAITING.exec(t);
  if (!m || /\b(?:waited|no longer waiting)\b/.test(t)) return false;
  const before = t.slice(0, m.index).trim().split(" ").at(-1) ?? "";
  return !(/s$/.test(before) && !/^(?:is|was|has|us|its|yes|thanks|this|was|as)$/.test(before));
}

function firstMessageRole(
  clause: Clause,
  t: string,
  role: (r: StatementRole, extra?: Partial<Statement>) => Statement,
): Statement {
  const acted = clause.verbs.find(
    (v) => done(v) && (v.leading || v.subject === "i" || v.subject === "we") && isEngineerAction(v),
  );
  return acted && !SYMPTOM.test(t) ? role("action") : role("symptom");
}

const done = (v: VerbUse) =>
  !v.negated &&
  !v.future &&
  !v.purpose &&
  !v.ability &&
  (v.form === "past" || v.form === "participle" || v.progressive);

/**
 * Done by the engineer: the verb opens the statement, follows "I"/"we", or
 * is a participle reporting work ("TAP issued", "old method deleted").
 * Not: what a system or another person did ("she works docked").
 */
function byUs(v: VerbUse, clause: Clause, labelled: boolean): boolean {
  if (v.leading || v.subject === "i" || v.subject === "we") return true;
  if (v.subject) return false;
  if (labelled) return false;
  const next = clause.words[v.index + 1];
  const previous = clause.words[v.index - 1];
  // "installed by the policy", "15 purchased, 13 assigned": reports of state, not work done.
  if (next === "by" || (previous !== undefined && /^\d/.test(previous))) return false;
  return v.form === "past" || v.form === "participle";
}

function lettersIn(text: string): number {
  return text.replace(/[^\p{L}]/gu, "").length;
}

/** Digits, technical tokens or product names: a statement worth keeping even if it opens with "back". */
function hasSubstance(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words > 14) return true;
  const cleaned = text.replace(/^@\S+(?:\s+\S+)?/, "");
  return /[\\/]|\b[A-Z]{2,}\b|\w\.\w|\b(?=\w*\d)(?=\w*[A-Za-z])\w{3,}\b|\d{4,}/.test(cleaned);
}

const STRONG_CAUSE =
  /\b(?:root[- ]?cause|culprit|found (?:it|the (?:issue|cause|problem))|cause (?:is|was|confirmed|found)|caused by|turns? out|turned out)\b/;

/** "they're fine on the Kyocera": people being fine rules nothing out. */
function aboutPeople(t: string): boolean {
  return (
    /^ (?:told \w+ |and )?(?:they|she|he|we|you|everyone|users|staff) (?:are|is|were|was|seem|seems) (?:ok|okay|fine|good)\b/.test(
      t,
    ) || /^ told\b/.test(t)
  );
}

function causeAffirmed(t: string): boolean {
  if (!CAUSE.test(t)) return false;
  // "not the cause", "isn't what's causing it": negated causes are ruled out.
  return !/\b(?:not|never|no longer) (?:the |a |an |what is |what was )?(?:root )?(?:cause|culprit|causing|reason|it)\b|\bnot caused by\b/.test(
    t,
  );
}

function isPlanned(t: string): boolean {
  return (
    PLANNED_FIX.test(t) && !/\b(?:had to|needed to|wanted to|planned to|tried to|went to|got to)\b/.test(t)
  );
}

function waitingOn(t: string): WaitingOn {
  if (/\b(?:approv\w*|sign-?off|go-?ahead|consent)\b/.test(t)) return "client";
  if (WAITING_ON_VENDOR.test(t)) return "vendor";
  if (WAITING_ON_PROCESS.test(t)) return "process";
  if (WAITING_ON_CLIENT.test(t)) return "client";
  return "someone";
}

/** "The cert expired yesterday": an expiry found while investigating explains the problem. */
function expired(clause: Clause): boolean {
  return clause.verbs.some(
    (v) => v.infinitive === "expire" && (v.form === "past" || v.form === "participle") && !v.negated,
  );
}

function negatedOutcome(clause: Clause): boolean {
  return clause.verbs.some((v) => v.negated && (v.families.includes("outcome") || v.infinitive === "work"));
}

/** Verbs an engineer does (looks, tries, talks, changes) rather than what a system does. */
function isEngineerAction(v: VerbUse): boolean {
  if (v.families.length === 0) return /ed$/.test(v.word);
  return v.families.some((f) => f === "check" || f === "trial" || f === "communicate" || f === "change");
}
