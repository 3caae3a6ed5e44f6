/**
 * What the intent model reads: a message is a bag of instances, one per
 * clause, and the message asks for an update when its best instance does.
 * So a request buried in troubleshooting detail is judged on its own words,
 * not drowned by the detail's. An instance holds its words and word pairs,
 * character 4-grams (unseen spellings), each word's vocabulary class and
 * word-vector cluster (unseen wording of a known shape), the rules' reading
 * of the clause (request form, negation, reported speech, labels), and the
 * message around it: what the other clauses are (a later clause that
 * cancels, a quote), where the clause sits, and the slots the whole message
 * names.
 */

import type { ClauseReading } from "./frames.ts";
import type { Clause } from "./normalize.ts";
import type { MessageReading } from "./reading.ts";
import { classesOf } from "./vocabulary.ts";
import { clusterOf } from "./word-vectors.ts";

const P_BUCKETS = 10;

function charGrams(word: string, out: string[]): void {
  if (word.length < 4 || word === "_name_") return;
  const padded = `<${word}>`;
  for (let i = 0; i + 4 <= padded.length; i++) out.push(`g:${padded.slice(i, i + 4)}`);
}

function bodylessWords(words: string[], reading: ClauseReading): string[] {
  if (reading.kind !== "request") return words;
  const kept = reading.lengthText.trim().split(/\s+/).filter(Boolean);
  return kept.length > 0 && kept.length < words.length ? kept : words;
}

/** Words, pairs, grams, classes and clusters of one clause's words. */
function wordFeatures(words: readonly string[], out: string[]): void {
  const classes: string[] = [];
  let previous = "^";
  words.forEach((word, i) => {
    out.push(`w:${word}`, `b:${previous}_${word}`);
    if (i === 0) out.push(`w0:${word}`);
    charGrams(word, out);
    const cluster = clusterOf(word);
    if (cluster >= 0) {
      out.push(`v:${cluster}`);
      if (i === 0) out.push(`v0:${cluster}`);
    }
    const wordClasses = classesOf(word);
    for (const cls of wordClasses) {
      out.push(`c:${cls}`);
      if (i === 0) out.push(`c0:${cls}`);
    }
    if (wordClasses.length > 0) classes.push(wordClasses.join("+"));
    previous = word;
  });
  out.push(`b:${previous}_$`);
  for (let i = 0; i < classes.length; i++) {
    out.push(`cc:${classes[i - 1] ?? "^"}_${classes[i]}`);
    for (let j = i + 1; j < Math.min(classes.length, i + 4); j++) out.push(`cs:${classes[i]}_${classes[j]}`);
  }
}

function readingFeatures(clause: Clause, reading: ClauseReading, out: string[]): string[] {
  out.push(`r:${reading.kind}`);
  if (reading.kind === "request" || reading.kind === "maybe")
    out.push(`r:p${Math.min(P_BUCKETS - 1, Math.floor(reading.p * P_BUCKETS))}`);
  if (clause.isQuestion) out.push("r:question");
  if (clause.endsWithColon) out.push("r:colon");
  if (reading.edit) out.push("r:edit", `r:edit:${reading.edit.form}`);
  if (reading.opening) out.push(`r:open:${reading.opening}`);
  // A request's dictated body ("tell the client <the printer was misconfigured>") is content,
  // not request form: its words would make the model read the request as chatter.
  const words = bodylessWords(clause.words, reading);
  if (words.length < clause.words.length) out.push("r:body");
  return words;
}

/** A negated clause about the deliverable or the request itself: "never mind the update", "scratch that". */
export const CANCELS =
  / (?:update|note|notes|email|summary|message|it|that|this|them|one|request|recap|write ?up)\b|^ (?:never ?mind|scratch that|forget it|ignore (?:that|this|me))\b/;

function contextFeatures(reading: MessageReading, at: number, out: string[]): void {
  const { clauses } = reading.message;
  const readings = reading.rules.readings;
  const n = clauses.length;
  out.push(n === 1 ? "pos:only" : at === 0 ? "pos:first" : at === n - 1 ? "pos:last" : "pos:middle");
  out.push(`len:${n <= 2 ? n : n <= 4 ? "3-4" : "5+"}`);
  for (let j = 0; j < n; j++) {
    if (j === at) continue;
    const side = j < at ? "before" : "after";
    const kind = clauses[j]!.quoted ? "quoted" : readings[j]!.kind;
    if (kind === "chatter") continue;
    out.push(`x:${side}:${kind}`);
    if (kind === "negated" && CANCELS.test(clauses[j]!.text)) out.push(`x:${side}:cancel`);
  }
  const { slots } = reading;
  out.push(`s:a:${slots.audience}`, `s:l:${slots.length}`, `s:c:${slots.context}`);
}

/** The model's instances for a message: one feature list per clause. */
export function instancesOf(reading: MessageReading): string[][] {
  const { clauses } = reading.message;
  const readings = reading.rules.readings;
  const instances = clauses.map((clause, c) => {
    const out: string[] = ["bias"];
    if (clause.quoted) {
      out.push("r:quoted");
      contextFeatures(reading, c, out);
      return out;
    }
    wordFeatures(readingFeatures(clause, readings[c]!, out), out);
    contextFeatures(reading, c, out);
    return out;
  });
  if (instances.length === 0) instances.push(["bias", "empty"]);
  return instances;
}

/** Prior per instance that it is the request (the rules' reading), for the first training round. */
export function instancePriors(reading: MessageReading): number[] {
  const priors = reading.rules.readings.map((r, c) => (reading.message.clauses[c]!.quoted ? 0 : r.p));
  if (priors.length === 0) priors.push(0);
  return priors;
}
