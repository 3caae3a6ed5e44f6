/**
 * Whether a message shows a request of its own, whatever the model's
 * probability: the clarifying question ("Want an update?") is asked only
 * with such evidence, because a question on ordinary chatter in a busy
 * thread costs nearly as much as a false trigger. Evidence is one of:
 * - the clause the model decided on reads as a request or a maybe by the
 *   clause reader (anchored asks: no reported speech, narration or questions
 *   about the past), other than an edit of an update on screen or the
 *   engineer's own plan ("I'll write the notes later"), or
 * - a clause the reader could not parse (typos, shorthand) that is shaped
 *   like an ask for a deliverable: it opens with the deliverable's noun
 *   phrase (not with a verb the reader knows, whose object it read, unless
 *   that object is a bare pronoun: "wrap it up in the ticket"), bare or
 *   after an ask ("need ..."), names a deliverable and a reader or length,
 *   and states nothing (no finite verb, no narration).
 * A message that cancels or refuses ("no client update needed") has none;
 * a negation of something else ("not 2 long") does not cancel.
 */
import { CANCELS } from "./features.ts";
import { FINITE_SOON, stripFillers } from "./frames.ts";
import { DET, REQUEST_VERBS, SESSION_VERBS, TELL_VERBS } from "./lexicon.ts";
import type { Clause } from "./normalize.ts";
import { PREFIXES } from "./prefixes.ts";
import type { MessageReading } from "./reading.ts";
import { classesOf, type WordClass } from "./vocabulary.ts";

/** Words that name what FlowPilot writes, who reads it or how long it is. */
const UPDATE_WORDS: readonly WordClass[] = [
  "deliverable",
  "email",
  "client",
  "ticket",
  "handoff",
  "quick",
  "detailed",
];
const DELIVERABLE_WORDS: readonly WordClass[] = ["deliverable", "email"];
/** A deliverable alone asks only in a few words ("tl;dr of that?"); in a longer clause it needs a reader or length. */
const SHORT_ASK = 4;

const OPENS_WITH_DET = new RegExp(`^ (?:${DET}) `);
const READER_VERB = `(?:${REQUEST_VERBS}|${SESSION_VERBS}|${TELL_VERBS})`;
/** A verb the clause reader knows reads its own object ("draft the welcome email"): not ours to judge... */
const OPENS_WITH_READER_VERB = new RegExp(`^ ${READER_VERB} `);
/** "update for the client", "recap at some stage": a deliverable word used as a noun, not a verb. */
const NOUN_BEFORE_PREPOSITION = /^ \w+ (?:for|to|on|in|into|at|of|about|re|4|2) /;
/** ...unless its object is only a pronoun the reader found nothing behind: "wrap it up in the ticket", "write them something". */
const VERB_ON_A_PRONOUN = new RegExp(
  `^ ${READER_VERB}(?: up)?(?: (?:them|him|her|me|us))? (?:it|that|this|something|everything|all of it)(?: (?:up|down|out|written up|written|documented|done))?(?: (?:for|to|in|into|on|so|before|while|then)\\b.*)? $`,
);

const hasClass = (word: string, wanted: readonly WordClass[]) =>
  classesOf(word).some((cls) => wanted.includes(cls));

/** The clause says something happened or is so: a finite verb, a past participle, narration. */
function states(clause: Clause): boolean {
  if (FINITE_SOON.test(clause.text)) return true;
  return clause.words.some(
    (word) =>
      classesOf(word).includes("past") || (/^[a-z]{3,}ed$/.test(word) && !hasClass(word, UPDATE_WORDS)),
  );
}

/** The clause after its fillers and an asking (or no) opening; null for suggestions, wonders, plans. */
function askedPart(clause: Clause): string | null {
  const s = stripFillers(clause.text);
  for (const prefix of PREFIXES) {
    const m = prefix.pattern.exec(s);
    if (!m) continue;
    return prefix.kind === "ask" || prefix.kind === "bare"
      ? ` ${s.slice(m[0].length)}`.replace(/^ {2}/, " ")
      : null;
  }
  return null;
}

/** "quick tkt upd8", "need a client side update", "detailed email for their IT contact". */
function shapedLikeAnAsk(clause: Clause): boolean {
  if (clause.quoted || clause.endsWithColon || states(clause)) return false;
  const rest = askedPart(clause);
  if (!rest) return false;
  if (VERB_ON_A_PRONOUN.test(rest)) return true;
  const first = rest.trim().split(" ")[0] ?? "";
  const asNoun = hasClass(first, UPDATE_WORDS) && NOUN_BEFORE_PREPOSITION.test(rest);
  if (OPENS_WITH_READER_VERB.test(rest) && !asNoun) return false;
  if (!OPENS_WITH_DET.test(rest) && !hasClass(first, UPDATE_WORDS)) return false;
  const updateWords = clause.words.filter((w) => hasClass(w, UPDATE_WORDS));
  if (!updateWords.some((w) => hasClass(w, DELIVERABLE_WORDS))) return false;
  return updateWords.length >= 2 || clause.words.length <= SHORT_ASK;
}

/** True when the message asks for something update-like by its form (see above); `best` is the model's clause. */
export function showsARequest(reading: MessageReading, best: number): boolean {
  const readings = reading.rules.readings;
  const { clauses } = reading.message;
  if (readings.some((r, i) => r.kind === "negated" && CANCELS.test(clauses[i]!.text))) return false;
  const decided = readings[best];
  // An edit ("same thing", "shorter") asks only of an update on screen, which the turn handles first.
  // A plan ("I'll update the ticket after lunch") is the engineer's own job, not an ask.
  if (decided && !decided.edit && decided.opening !== "announce") {
    if (decided.kind === "request" || decided.kind === "maybe") return true;
  }
  return clauses.some((clause, i) => readings[i]!.kind === "chatter" && shapedLikeAnAsk(clause));
}
