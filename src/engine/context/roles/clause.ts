import { memoByText } from "../text-memo.ts";
import { familiesOf, type VerbFamily } from "./verb-families.ts";
import { analyzeVerb, type VerbForm, type VerbWord } from "./verbs.ts";

/** One verb as used in a statement, with the grammar around it. */
export interface VerbUse {
  index: number;
  word: string;
  infinitive: string;
  form: VerbForm;
  families: readonly VerbFamily[];
  negated: boolean;
  /** will / 'll / going to / need to / plan to ... */
  future: boolean;
  /** am/is/are + -ing, a leading -ing, or -ing with "now" */
  progressive: boolean;
  /** had + past participle: a state before the events told ("the service had stopped") */
  pastPerfect: boolean;
  /** can / could / able to */
  ability: boolean;
  /** "to <verb>" after a noun or verb: a purpose, not something done */
  purpose: boolean;
  /** The word before the verb when it is its pronoun subject ("i", "she"), or null. */
  subject: string | null;
  /** The verb opens the statement, subject left out as engineers write ("Rolled back the update"). */
  leading: boolean;
}

/** A statement read word by word: lower-cased words with contractions expanded, and its verbs. */
export interface Clause {
  words: string[];
  /** The words joined with single spaces and padded, for whole-word cue regexes. */
  text: string;
  verbs: VerbUse[];
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon['’]t\b/g, "will not"],
  [/\bcan['’]t\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\bshan['’]t\b/g, "shall not"],
  [/n['’]t\b/g, " not"],
  [/['’]re\b/g, " are"],
  [/['’]ve\b/g, " have"],
  [/['’]ll\b/g, " will"],
  [/['’]d\b/g, " would"],
  [/\b(it|that|what|he|she|there|here|who|where|everything|nothing|something)['’]s\b/g, "$1 is"],
  [/['’]m\b/g, " am"],
  [/\bgonna\b/g, "going to"],
  [/\bwanna\b/g, "want to"],
];

const BE = new Set(["am", "is", "are", "was", "were", "be", "been", "being"]);
const HAVE = new Set(["have", "has", "had", "having"]);
const DO = new Set(["do", "does", "did"]);
const MODAL = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must"]);
const FUTURE_MODAL = new Set(["will", "shall"]);
const ABILITY = new Set(["can", "could"]);
const NEGATION = new Set(["not", "never", "no", "nothing", "nobody", "none", "neither", "nor", "without"]);
const SUBJECT = new Set([
  "i",
  "we",
  "you",
  "they",
  "he",
  "she",
  "it",
  "someone",
  "everyone",
  "nobody",
  "users",
  "user",
  "who",
]);
const DETERMINER = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "my",
  "our",
  "your",
  "their",
  "his",
  "her",
  "its",
  "some",
  "any",
  "each",
  "every",
  "another",
  "no",
  "one",
  "new",
  "old",
  "same",
  "of",
  "for",
  "from",
  "with",
  "by",
  "in",
  "on",
]);
const ADVERB = new Set([
  "now",
  "just",
  "already",
  "also",
  "still",
  "then",
  "currently",
  "finally",
  "actually",
  "successfully",
  "manually",
  "quickly",
  "again",
  "first",
  "only",
  "really",
  "all",
  "both",
  "since",
  "yet",
  "back",
  "fully",
  "properly",
]);
const FUTURE_LEAD = new Set([
  "need",
  "needs",
  "have",
  "has",
  "plan",
  "planning",
  "want",
  "wants",
  "about",
  "going",
  "got",
  "intend",
  "hoping",
  "try",
  "trying",
]);

/** What every contraction above needs: an apostrophe, or one of the three spelled without. */
const MAY_CONTRACT = /['’]|cannot|gonna|wanna/;

export function expandContractions(text: string): string {
  let out = text.toLowerCase();
  if (!MAY_CONTRACT.test(out)) return out;
  for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  return out;
}

/** Words already read as verbs or not: chat reuses a small vocabulary. Shared: treat as read-only. */
const verbOf = memoByText((word): VerbWord | null => analyzeVerb(word), 20_000);

/**
 * The clause of a statement both readers read (the rule reader and the
 * learned reader's features), read once per text: they read it one right
 * after the other, so only the latest few are kept. Shared: treat it as read-only.
 */
export const clauseOf = memoByText((statement) => readClause(statement), 256);

/** Drops the clauses and verbs read (benchmarks measure a first read). */
export function forgetClauses(): void {
  clauseOf.clear();
  verbOf.clear();
}

/**
 * Reads the verbs of one statement: which words are verbs (not the noun
 * "update" in "the update"), their tense and aspect, negation and whether
 * they are planned rather than done.
 */
export function readClause(statement: string): Clause {
  const words: string[] = expandContractions(statement).match(/[a-z][a-z0-9'’-]*|\d+(?:[.,]\d+)?%?/g) ?? [];
  const verbs: VerbUse[] = [];
  let aux: string[] = [];
  let negated = false;
  let progressiveRun = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = previousContentWord(words, i);
    if (NEGATION.has(w) && !(w === "no" && i > 0 && words[i - 1] === "with")) {
      negated = true;
      continue;
    }
    if (ADVERB.has(w)) continue;
    if (w === "to") {
      aux.push("to");
      continue;
    }
    if (BE.has(w) || HAVE.has(w) || DO.has(w) || MODAL.has(w)) {
      // "had" alone ("had a look") is a verb too, but its aspect role matters more.
      aux.push(w);
      continue;
    }
    const verb = verbOf(w);
    const afterSubject = prev !== undefined && SUBJECT.has(prev);
    if (!verb || (prev !== undefined && DETERMINER.has(prev) && aux.length === 0 && !afterSubject)) {
      if (!(w === "and" || w === "or" || w === "then")) {
        if (!FUTURE_LEAD.has(w)) aux = [];
        if (!verb) negated = negated && /^(?:[a-z]+)$/.test(w) && i - lastIndex(verbs) < 6;
        progressiveRun = progressiveRun && (w === "and" || w === "then");
      }
      continue;
    }
    // "checking deleted users": a participle right after a verb describes its object.
    if (
      (verb.form === "past" || verb.form === "participle") &&
      lastIndex(verbs) === i - 1 &&
      aux.length === 0
    ) {
      continue;
    }
    const joined = i > 0 && /^(?:done|and|then|so|also|ok|okay|just|finally|first)$/.test(words[i - 1]!);
    const leading = i === 0 || (joined && (i <= 2 || (verbs.at(-1)?.leading ?? false)));
    const hasBe = aux.some((a) => BE.has(a));
    const hasTo = aux.at(-1) === "to";
    const base = verb.form === "base" || verb.form === "present";
    const isVerb =
      aux.length > 0 ||
      afterSubject ||
      leading ||
      verb.form === "past" ||
      verb.form === "participle" ||
      (verb.form === "gerund" && (progressiveRun || /^(?:now|currently)$/.test(words[i - 1] ?? "")));
    if (!isVerb || (base && !afterSubject && aux.length === 0 && !leading)) {
      aux = [];
      continue;
    }
    const before = words.slice(Math.max(0, i - 4), i);
    const future =
      aux.some((a) => FUTURE_MODAL.has(a)) ||
      (hasTo && before.some((b) => FUTURE_LEAD.has(b))) ||
      before.includes("going");
    const progressive: boolean =
      verb.form === "gerund" &&
      (hasBe || leading || progressiveRun || words.includes("now") || words.includes("currently"));
    verbs.push({
      index: i,
      word: w,
      infinitive: verb.infinitive,
      form: verb.form,
      families: familiesOf(verb.infinitive),
      negated,
      future,
      progressive,
      pastPerfect: aux.includes("had") && (verb.form === "past" || verb.form === "participle"),
      ability: aux.some((a) => ABILITY.has(a)) || before.includes("able"),
      purpose: hasTo && !future && !before.some((b) => FUTURE_LEAD.has(b)),
      subject: subjectOf(words, i),
      leading,
    });
    progressiveRun = progressive;
    aux = [];
    negated = false;
  }
  return { words, text: ` ${words.join(" ")} `, verbs };
}

/** The pronoun before a verb and its auxiliaries: "we have now rolled" -> "we". */
function subjectOf(words: readonly string[], i: number): string | null {
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    const w = words[j]!;
    if (SUBJECT.has(w)) return w;
    if (!(ADVERB.has(w) || BE.has(w) || HAVE.has(w) || DO.has(w) || MODAL.has(w) || NEGATION.has(w)))
      return null;
  }
  return null;
}

function previousContentWord(words: readonly string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (!ADVERB.has(words[j]!)) return words[j];
  return undefined;
}

function lastIndex(verbs: readonly VerbUse[]): number {
  return verbs.at(-1)?.index ?? -10;
}
