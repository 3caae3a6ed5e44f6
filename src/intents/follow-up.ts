/**
 * Edits of an update just written: "make that an email", "shorter", "for the
 * client instead", "add that we'll be onsite tomorrow", "same but for Dana",
 * "redo it as resolved". An edit points back at the update (it, that, this
 * one, the same, again, instead, a version), or is a bare comparative of its
 * length or tone, or adds a line to it. Read per clause, in the normalised
 * clause form (lower case, padded, contractions expanded).
 */
import type { EditForm } from "../domain/index.ts";
import { alt, CLIENT_PERSON, HANDOFF_DEST, TICKET_DEST } from "./lexicon.ts";

export type { EditForm };

export interface EditReading {
  form: EditForm;
  /** The words to add ("we will be onsite tomorrow"), for `add`. */
  addition?: string;
}

const IT = alt(
  "it",
  "that",
  "this",
  "that one",
  "this one",
  "the update",
  "the summary",
  "the note",
  "the notes",
  "the message",
  "the email",
  "that version",
  "this version",
  "it all",
  "the whole thing",
);
const EDIT_VERB = alt(
  "make",
  "turn",
  "change",
  "convert",
  "switch",
  "swap",
  "rewrite",
  "redo",
  "reword",
  "rephrase",
  "format",
  "put",
  "send",
  "do",
  "write",
  "recast",
  "flip",
  "move",
);
const SIZE = alt(
  "shorter",
  "longer",
  "briefer",
  "tighter",
  "shorter and \\w+",
  "(?:a lot |much |way |a bit |bit )?(?:shorter|longer)",
  "more (?:detail|detailed|details|depth|thorough|concise|brief)",
  "less (?:detail|detailed|details|long|wordy|text)",
  "too (?:long|short|wordy|detailed|brief)",
  "(?:tighten|cut|trim|shorten|lengthen|condense|expand|flesh|beef|pad|boil) (?:it|that|this)(?: up| down| out)?",
  "(?:tighten|cut|trim|boil) (?:it |that |this )?(?:up|down)",
  "expand on",
  "go (?:deeper|longer|shorter)",
);
const STYLE = alt(
  "friendlier",
  "simpler",
  "plainer",
  "softer",
  "calmer",
  "more (?:formal|casual|friendly|polite|professional|positive|upbeat|technical|plain)",
  "less (?:technical|jargon|formal|alarming|scary|negative|techy|stiff|robotic)",
  "(?:drop|lose|cut|remove|strip|skip) the (?:jargon|tech|acronyms|technical \\w+|\\w+ (?:part|bit|bits|stuff|section|paragraph))",
  "(?:tone|dumb|water) it down",
);
const READER = alt(
  CLIENT_PERSON,
  TICKET_DEST,
  HANDOFF_DEST,
  "(?:an? )?email",
  "(?:the )?(?:internal|client|customer|tech|technical|ticket|email) version",
);

const RETARGET = new RegExp(
  `^ (?:(?:now|ok|and|also|then|same|same thing|same again|again|the same) )*(?:but |just )?(?:(?:one|another one|a version|another version|an? \\w+ version|the \\w+ version|a copy) )?(?:for|to|as|in|into) (?:${READER}|_name_)(?: (?:too|as well|also|instead|now))*(?= )`,
);
const RETARGET_INSTEAD = / instead $| too $| as well $/;
const EDIT_IT = new RegExp(`^ (?:${EDIT_VERB}) (?:${IT})(?: (?:again|over|up))?(?= )`);
const AGAIN =
  /^ (?:(?:do it |do that |do one |write it |one more )?again|same(?: thing)? again|same(?: thing)?|redo(?: it| that)?|once more)(?: but| as| for| with)?(?= )/;
const SIZE_FRAME = new RegExp(`^ (?:(?:make it|keep it|and|but|a bit|bit|much|way|now) )*${SIZE}(?= )`);
const STYLE_FRAME = new RegExp(
  `^ (?:(?:make it|make that|and|but|a bit|bit|now|can you make it) )*${STYLE}(?= )`,
);
/** "add that we'll be onsite", "mention it's with the ISP", "also say we'll check again at 7". */
const ADD_FRAME =
  /^ (?:also |and |pls |please )*(?:add|mention|include|say|note|put in|throw in|tell them|let them know)(?: in| to it| there)?(?: that)? ((?:we|they|it|he|she|the|our|their|this|_name_|i)\b.*|(?:the (?:ticket|case|incident|reference|ref|po) (?:number|no|#|id)|the (?:timeline|eta|next steps|workaround|root cause)).*)$/;

/** How the clause edits an update on screen, or null when it is no edit. */
export function readEdit(clause: string): EditReading | null {
  if (
    RETARGET.test(clause) &&
    (RETARGET_INSTEAD.test(clause) ||
      /^ (?:now|same|one|another|a version|the \w+ version|an? \w+ version|but|and)\b/.test(clause))
  )
    return { form: "retarget" };
  const edit = EDIT_IT.exec(clause);
  if (edit) {
    const rest = clause.slice(edit[0].length);
    if (new RegExp(`^ (?:${SIZE})(?= )`).test(rest)) return { form: "resize" };
    if (new RegExp(`^ (?:${STYLE})(?= )`).test(rest)) return { form: "restyle" };
    return { form: "redo" };
  }
  if (SIZE_FRAME.test(clause)) return { form: "resize" };
  if (STYLE_FRAME.test(clause)) return { form: "restyle" };
  if (AGAIN.test(clause)) return { form: "redo" };
  const add = ADD_FRAME.exec(clause);
  if (add) return { form: "add", addition: add[1]!.trim() };
  return null;
}

/** The lead-in of an addition in the engineer's own words: "add that", "also mention", "tell them". */
const ADD_LEAD =
  /\b(?:add|mention|include|say|note|put in|throw in|tell them|let them know)(?:\s+(?:in|to it|there))?(?:\s+that)?\s+(\S[^\n]*)/gi;

/** The first word of a text, compared as the normaliser would have it ("we'll" -> "we"). */
const firstWord = (text: string) => (text.trim().split(/\s+/)[0] ?? "").toLowerCase().replace(/['’].*$/, "");

/**
 * An addition as the engineer typed it: `normalized` ("we will be onsite
 * tomorrow at 8", lower case, contractions expanded, names as `_name_`) found
 * again in `text` ("add that we'll be onsite tomorrow at 8.") and returned in
 * its own words, up to the end of its sentence ("We'll be onsite tomorrow at
 * 8"). Falls back to `normalized` when it cannot be found.
 */
export function additionAsTyped(text: string, normalized: string): string {
  const wanted = firstWord(normalized);
  for (const m of text.matchAll(ADD_LEAD)) {
    const rest = m[1]!;
    const first = firstWord(rest);
    if (first !== wanted && wanted !== "_name_") continue;
    const sentence = rest
      .split(/[.!?](?=\s|$)/)[0]!
      .trim()
      .replace(/[\s,;:]+$/, "");
    if (sentence) return sentence[0]!.toUpperCase() + sentence.slice(1);
  }
  return normalized;
}
