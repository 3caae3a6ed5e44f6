import { readClause, type VerbUse } from "../../context/roles/clause.ts";

/** What one written sentence asserts about the state of the work, read from its verbs' tense and aspect. */
export interface SentenceClaims {
  /** Changes or remedies said to be done by us ("we've updated", "the rule has been corrected", "Restarted …"). */
  done: VerbUse[];
  /** Changes said to be under way now ("we are applying the fix"). */
  underway: VerbUse[];
  /** Says the problem is fixed or working again. */
  resolved: boolean;
  /** Says the work waits on someone now ("we're waiting for your go-ahead"). */
  waiting: boolean;
}

/** Verbs that, said as done, say the problem is over. */
const RESOLVING = new Set(["fix", "resolve", "solve", "repair", "restore", "sort"]);
/** Words that make what follows a condition or a possibility, not a statement of fact. */
const HYPOTHETICAL = new Set([
  "if",
  "once",
  "when",
  "whenever",
  "after",
  "before",
  "until",
  "unless",
  "soon",
  "would",
  "could",
  "should",
  "might",
  "may",
  "must",
  "can",
  "whether",
  "ready",
  // Background, not news: "since we moved the file to the new server, …".
  "since",
]);
const OURS = new Set(["we", "i"]);

const conditional = (v: VerbUse, words: readonly string[], from: number) =>
  words.slice(from, v.index).some((w) => HYPOTHETICAL.has(w));

/** The verb is stated as fact: not negated, planned, a purpose, an ability or under a condition. */
const asserted = (v: VerbUse, words: readonly string[], from: number) =>
  !(v.negated || v.future || v.purpose || v.ability || conditional(v, words, from));

/** "has been corrected", "have been applied": a passive perfect states a result now. */
const perfectPassive = (v: VerbUse, words: readonly string[]) =>
  words[v.index - 1] === "been" && /^(?:has|have)$/.test(words[v.index - 2] ?? "");

/** "we are applying", "is being updated now": a leading "-ing" ("Fixing it needs a restart") names the work instead. */
const inProgress = (v: VerbUse, words: readonly string[]) =>
  v.progressive &&
  (v.subject === null || OURS.has(v.subject)) &&
  words.slice(Math.max(0, v.index - 3), v.index).some((w) => /^(?:am|is|are|being)$/.test(w));

/** A completed form said of our own work: "we updated", "Updated …", "has been updated", "is fixed". */
function doneByUs(v: VerbUse, words: readonly string[]): boolean {
  if (v.form !== "past" && v.form !== "participle") return false;
  if (v.subject && OURS.has(v.subject)) return true;
  if (v.subject === null && v.leading) return true;
  return v.subject === null && perfectPassive(v, words);
}

/** Quoted text (an error message, what someone said) is not the writer's own claim. */
const QUOTED = /["“][^"”\n]*["”]|(?<=^|[\s:(])'[^'\n]{3,}'(?=$|[\s.,;:)!?])/g;

export function readClaims(sentence: string): SentenceClaims {
  const clause = readClause(sentence.replace(QUOTED, " "));
  const { words } = clause;
  const claims: SentenceClaims = { done: [], underway: [], resolved: false, waiting: false };
  let from = 0;
  for (const v of clause.verbs) {
    const start = from;
    from = v.index + 1;
    // "We'll wait for your go-ahead" waits now as much as "we're waiting".
    if (v.families.includes("wait") && !v.negated && !v.purpose && !conditional(v, words, start))
      claims.waiting = true;
    if (!asserted(v, words, start)) continue;
    const change = v.families.includes("change") || v.families.includes("trial");
    const resolving = RESOLVING.has(v.infinitive);
    if (change && doneByUs(v, words)) claims.done.push(v);
    if (v.families.includes("change") && inProgress(v, words)) claims.underway.push(v);
    if (resolving && (v.form === "past" || v.form === "participle") && v.subject !== "you")
      claims.resolved = true;
    if (v.families.includes("outcome") && words.includes("again") && (v.form !== "past" || resolving))
      claims.resolved = true;
  }
  return claims;
}
