/**
 * What the slot models read once a message is known to ask for an update:
 * the request clause (the model's best instance) on its own, the rest of
 * the message apart, and what the rule readers (audience, length, context)
 * find in each. So "email" in the troubleshooting detail ("the notification
 * email is still the old tech's") weighs less than "email" in the request,
 * and a resolution said anywhere ("all green now ✅ - summary please") still
 * counts.
 */

import { audienceOfMessage } from "./message-slots.ts";
import type { Clause } from "./normalize.ts";
import type { MessageReading } from "./reading.ts";
import { detectContext, detectLength, detectMessageLength } from "./slots.ts";
import { classesOf } from "./vocabulary.ts";
import { clusterOf } from "./word-vectors.ts";

function words(prefix: string, clauses: readonly Clause[], out: string[], lexical: boolean): void {
  for (const clause of clauses) {
    let previous = "^";
    for (const word of clause.words) {
      if (lexical) out.push(`${prefix}w:${word}`, `${prefix}b:${previous}_${word}`);
      for (const cls of classesOf(word)) out.push(`${prefix}c:${cls}`);
      const cluster = clusterOf(word);
      if (cluster >= 0) out.push(`${prefix}v:${cluster}`);
      previous = word;
    }
  }
}

const PRONOUN_IN = / (?:them|him|her|they) /;

function readers(prefix: string, text: string, out: string[]): string[] {
  const padded = ` ${text.trim()} `;
  const found = [
    `a:${audienceOfMessage(padded, padded, null)}`,
    `l:${detectLength(padded)}`,
    `m:${detectMessageLength(padded)}`,
    `x:${detectContext(padded)}`,
  ];
  for (const f of found) out.push(prefix + f);
  return found;
}

/** Says the words before were wrong: "actually", "no wait", "sorry, I mean", "scratch that", "on second thought". */
const CORRECTION =
  / (?:actually(?: no)?|no wait|wait no|sorry|i mean|i meant|scratch (?:that|the \w+|\w+)|on second thought|second thought|correction|oops(?: no)?|or rather|hmm no|nah|eh|well not|forget (?:short|long|quick|detailed|brief|the \w+)|no(?= , | make | just | a | an | the | not | keep | do | i ))\b/g;

/** The first words after the message's last correction, when it has one: "... - actually no, <just a client update>, they ...". */
export function lastCorrection(clauses: readonly Clause[]): string | null {
  const text = ` ${clauses.map((c) => c.text.trim()).join(" , ")} `;
  let at = -1;
  for (const m of text.matchAll(CORRECTION)) at = m.index + m[0].length;
  if (at < 0) return null;
  const after = text.slice(at).replace(/^[ ,]+/, " ");
  return after.trim() ? after : null;
}

/**
 * The slot models' features. `best` is the index of the model's best
 * instance (the request clause).
 */
export function slotFeaturesOf(reading: MessageReading, best: number): string[] {
  const { clauses } = reading.message;
  const live = clauses.filter((c, i) => !c.quoted && reading.rules.readings[i]!.kind !== "negated");
  const request = best < clauses.length ? [clauses[best]!] : live;
  const rest = live.filter((c) => !request.includes(c));
  const out: string[] = ["bias"];
  const { rules, slots } = reading;
  const fromRules = rules.result.intent === "status_update" ? rules.result : null;
  out.push(
    `ra:${fromRules?.audience ?? "none"}`,
    `rl:${fromRules?.length ?? "none"}`,
    `rx:${fromRules?.context ?? "none"}`,
    `sa:${slots.audience}`,
    `sl:${slots.length}`,
    `sx:${slots.context}`,
  );
  const requestReading = best < clauses.length ? rules.readings[best]! : undefined;
  if (requestReading) {
    for (const cue of requestReading.cues) out.push(`cue:${cue.role}:${cue.audience}`);
    if (requestReading.edit) out.push(`edit:${requestReading.edit.form}`);
  }
  // A pronoun in the request points back to the clause before it: "kicking this up to tier 3, send them a note".
  const before =
    best > 0 && best < clauses.length && PRONOUN_IN.test(clauses[best]!.text) ? clauses[best - 1] : undefined;
  const inRequest = readers(
    "q",
    [...(before ? [before] : []), ...request].map((c) => c.text).join(" , "),
    out,
  );
  const inRest = readers("o", rest.map((c) => c.text).join(" , "), out);
  // What the rest adds depends on how much rest there is: a clause beside the request fills a slot
  // ("summary of where we are, it is going in the CW ticket"); troubleshooting detail rarely does.
  const size = rest.length === 0 ? 0 : rest.length < 3 ? 1 : 2;
  inRequest.forEach((q, k) => {
    out.push(`qo${size}:${q}|${inRest[k]}`);
  });
  // The last word on a slot wins: "email the client - actually no, just a client update".
  const correction = lastCorrection(clauses.filter((c) => !c.quoted));
  if (correction) readers("k", correction, out);
  words("q", request, out, true);
  words("o", rest, out, false);
  out.push(`n:${size}`);
  return out;
}
