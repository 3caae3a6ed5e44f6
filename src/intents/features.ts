/**
 * What the intent model reads in a message: words and word pairs of each
 * clause, character 4-grams (unseen spellings of known words), each word's
 * vocabulary class and pairs of classes in order (unseen wording of a known
 * shape: "<request verb> ... <deliverable> ... <client>"), and the rules'
 * reading of every clause (request form, negation, reported speech, labels).
 */

import type { MessageReading } from "./reading.ts";
import type { RulesReading } from "./rules.ts";
import { classesOf } from "./vocabulary.ts";

const P_BUCKETS = 10;

function charGrams(word: string, out: string[]): void {
  if (word.length < 4 || word === "_name_") return;
  const padded = `<${word}>`;
  for (let i = 0; i + 4 <= padded.length; i++) out.push(`g:${padded.slice(i, i + 4)}`);
}

function bodylessWords(words: string[], reading: RulesReading["readings"][number]): string[] {
  if (reading.kind !== "request") return words;
  const kept = reading.lengthText.trim().split(/\s+/).filter(Boolean);
  return kept.length > 0 && kept.length < words.length ? kept : words;
}

export function featuresOf({ message, rules, slots }: MessageReading): string[] {
  const out: string[] = ["bias"];
  const { readings } = rules;
  message.clauses.forEach((clause, c) => {
    const reading = readings[c]!;
    if (clause.quoted) {
      out.push("r:quoted");
      return;
    }
    out.push(`r:${reading.kind}`);
    if (reading.kind === "request" || reading.kind === "maybe")
      out.push(`r:p${Math.min(P_BUCKETS - 1, Math.floor(reading.p * P_BUCKETS))}`);
    if (clause.isQuestion) out.push("r:question");
    if (clause.endsWithColon) out.push("r:colon");
    // A request's dictated body ("tell the client <the printer was misconfigured>") is content,
    // not request form: its words would make the model read the request as chatter.
    const words = bodylessWords(clause.words, reading);
    if (words.length < clause.words.length) out.push("r:body");
    const classes: string[] = [];
    let previous = "^";
    words.forEach((word, i) => {
      out.push(`w:${word}`, `b:${previous}_${word}`);
      if (i === 0) out.push(`w0:${word}`);
      charGrams(word, out);
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
      for (let j = i + 1; j < Math.min(classes.length, i + 4); j++)
        out.push(`cs:${classes[i]}_${classes[j]}`);
    }
  });
  // What the slot reader finds in the whole message: a message that names a reader, a length
  // or a handoff is about a message to write.
  out.push(`s:a:${slots.audience}`, `s:l:${slots.length}`, `s:c:${slots.context}`);
  const kinds = new Set(readings.map((r) => r.kind));
  out.push(`m:${[...kinds].sort().join("+")}`);
  if (message.clauses.length > 1) out.push("m:clauses");
  return out;
}
