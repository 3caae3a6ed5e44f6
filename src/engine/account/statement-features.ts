import { clauseOf } from "../context/roles/clause.ts";
import type { Statement } from "../context/roles/statement-roles.ts";

/**
 * The features the statement reader weighs: the words (with the words in a
 * negation's scope marked), how the statement opens, its verbs'
 * tense and family as the clause reader sees them, the rule reader's role,
 * who typed it and, shortly, the statement before it (what "Bingo" or
 * "didn't help either" points back at).
 */
export interface StatementInput {
  text: string;
  author: "engineer" | "assistant" | "client";
  /** The statement just before it in the thread, when there is one. */
  previous?: string;
  /** The rule reader's reading of the same statement. */
  rule: Statement;
}

const NEGATORS = new Set(["not", "no", "never", "nothing", "none", "without", "nobody", "neither", "nor"]);
const NEGATION_SCOPE = 3;

export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bcan['’]?t\b/g, "can not")
    .replace(/\bwon['’]?t\b/g, "will not")
    .replace(/\b(\w+)n['’]t\b/g, "$1 not")
    .replace(
      /\b(?:havent|hasnt|didnt|doesnt|dont|isnt|wasnt|arent|werent|couldnt|shouldnt)\b/g,
      (w) => `${w.slice(0, -2)} not`,
    )
    .replace(/\[[a-z ]+ removed\]/g, " secretvalue ")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean)
    .map((w) =>
      /\d/.test(w)
        ? /^\d+$/.test(w)
          ? "#num"
          : "#id"
        : w.startsWith("'") || w.endsWith("'")
          ? w.replace(/^'+|'+$/g, "")
          : w,
    )
    .filter(Boolean);
}

/** Up to this many words a statement is read with the one before it ("Bingo", "didn't help either"). */
const SHORT_STATEMENT_WORDS = 6;
export const isShortStatement = (text: string) => text.split(/\s+/).length <= SHORT_STATEMENT_WORDS;

/** A statement's features as the reader weighs them in a thread: a short one's include the statement before. */
export function statementFeatures(input: StatementInput): string[] {
  const words = wordsOf(input.text);
  const features = ownFeatures(input, words);
  if (input.previous !== undefined && isShortStatement(input.text))
    features.push(...beforeFeatures(wordsOf(input.previous)), ...shortFeatures(words));
  return features;
}

/** The features of the statement itself, in the order {@link statementFeatures} gives them. */
export function ownFeatures(input: Omit<StatementInput, "previous">, words = wordsOf(input.text)): string[] {
  const features: string[] = [`author:${input.author}`, `rule:${input.rule.role}`];
  let negatedFor = 0;
  words.forEach((w, i) => {
    features.push(`w:${w}`);
    if (negatedFor > 0) {
      features.push(`n:${w}`);
      negatedFor -= 1;
    }
    if (NEGATORS.has(w)) {
      negatedFor = NEGATION_SCOPE;
      features.push(i < 3 ? "neg:early" : "neg:late");
    }
  });
  features.push(
    `first:${words[0] ?? ""}`,
    `first2:${words.slice(0, 2).join("_")}`,
    `last:${words.at(-1) ?? ""}`,
  );
  features.push(`len:${Math.min(words.length, 12) >> 2}`);
  if (/\?\s*$/.test(input.text)) features.push("question");
  if (/^\s*@|\b(?:hi|hey|hello|morning|thanks|thank you)\b/i.test(input.text)) features.push("address");
  const rule = input.rule;
  if (rule.waitingOn) features.push(`rule-wait:${rule.waitingOn}`);
  for (const flag of ["likely", "pointer", "persisting", "causeUnknown", "holdsOff", "strong"] as const)
    if (rule[flag as keyof Statement]) features.push(`rule-${flag}`);
  for (const verb of clauseOf(input.text).verbs) {
    const tense = verb.future
      ? "future"
      : verb.progressive
        ? "progressive"
        : verb.form === "past" || verb.form === "participle"
          ? "past"
          : verb.form;
    features.push(`v:${tense}`, `v:${tense}:${verb.negated ? "neg" : "pos"}`);
    for (const family of verb.families)
      features.push(`vf:${family}:${tense}`, `vf:${family}:${verb.negated}`);
    if (verb.subject) features.push(`vs:${verb.subject}:${tense}`);
    if (verb.leading) features.push(`vlead:${tense}`);
  }
  return features;
}

/** What the statement before gives a statement: that one's opening words. */
export function beforeFeatures(before: readonly string[]): string[] {
  const features = ["has-previous"];
  for (const w of before.slice(0, 12)) features.push(`p:${w}`);
  return features;
}

/** A very short statement's own words, as read with the statement before it. */
export function shortFeatures(words: readonly string[]): string[] {
  return words.length <= 4 ? words.map((w) => `short:${w}`) : [];
}
