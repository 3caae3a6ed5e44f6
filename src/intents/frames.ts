/**
 * Clause-level grammar of a status-update request. A request is anchored at
 * the start of a clause (after fillers and a polite prefix such as "can you"):
 * a deliverable on its own ("quick update for the client"), a verb asking for
 * one ("draft an email to the customer"), a verb addressing the reader ("let
 * the client know it's fixed"), a session verb ("summarize progress") or a
 * plea for wording ("what should I tell the client"). Anchoring is what keeps
 * reported speech ("the client asked for an update"), past tense ("I updated
 * the ticket") and questions about the past ("did you update the ticket?")
 * out: none of them starts with a request.
 */

import { type EditReading, readEdit } from "./follow-up.ts";
import {
  AUDIENCE_PHRASE,
  alt,
  CLIENT_PERSON,
  DELIVERABLE_MODIFIERS,
  DET,
  FILLER,
  HANDOFF_DEST,
  REQUEST_VERBS,
  SESSION_OBJECTS,
  SESSION_VERBS,
  STRONG_HEADS,
  TELL_VERBS,
  TICKET_DEST,
  WEAK_HEADS,
} from "./lexicon.ts";
import { PREFIXES, type RequestPrefix } from "./prefixes.ts";
import { BODY_DELIVERABLE, readRest, TELL_OBJECT_COMPOUND } from "./request-rest.ts";
import { type AudienceCue, audienceOfPhrase } from "./slots.ts";

/** How one clause reads. `p` is the chance that it asks for a status update. */
export interface ClauseReading {
  kind: "request" | "negated" | "maybe" | "chatter";
  p: number;
  cues: AudienceCue[];
  /** The part of the clause that may state the length (the message body it dictates is left out). */
  lengthText: string;
  /** Set when the clause edits an update just written ("make that an email", "shorter"). */
  edit?: EditReading;
  /** How the clause's opening asks, when a request frame matched. */
  opening?: RequestPrefix["kind"];
}

const CHATTER: ClauseReading = { kind: "chatter", p: 0.05, cues: [], lengthText: "" };
const NEGATED: ClauseReading = { kind: "negated", p: 0.03, cues: [], lengthText: "" };

const FILLERS = new RegExp(`^ (?:${FILLER} )+`);
/** A time said first does not change how the clause asks: "tomorrow morning I'll draft the email". */
const LEADING_TIME =
  /^ (?:(?:first thing )?(?:tomorrow|tonight|today|later|later on|after lunch|this (?:morning|afternoon|evening)|in the (?:morning|afternoon)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday)|next week|once (?:it|this|that) is (?:done|back|fixed))(?: morning| afternoon| evening| night)? )+/;
const AUDIENCE = AUDIENCE_PHRASE;

const NEGATION_START = new RegExp(
  `^ (?:${alt(
    "do not",
    "does not",
    "never",
    "let us not",
    "no need",
    "not yet",
    "not now",
    "hold off",
    "hold on",
    "holding off",
    "skip",
    "forget",
    "cancel",
    "stop",
    "avoid",
    "without",
    "no",
    "nothing",
    "none",
    "not",
    "nobody",
    "no one",
    "wait (?:on|before|with|until|for)",
    "hang on",
    "hang fire",
    "(?:i|we) (?:do not|will not|can not|should not|would not|are not|am not|dont) (?:need|want|think|have to|update|send|write|email|tell|share|post|bother|going)",
    "(?:i|we) (?:do not|did not) (?:need|want)",
    "there is no need",
    "no point",
    "never mind",
    "nevermind",
    "ignore",
  )})\\b`,
);
const NEGATION_IN_PREFIX = / (?:not|never|no need|hold off|no)\b/;

const STRONG_HEAD = new RegExp(`^${STRONG_HEADS}$`);

/** A few words that can stand in for the deliverable when a destination follows: "something to paste into the ticket". */
const STAND_IN = alt(
  "(?:something|anything)(?: (?:short|quick|brief|detailed|thorough|full|simple|concise|longer|client facing|customer facing))?",
  "some text",
  "some wording",
  "wording",
  "words",
  "text",
  "(?:a )?(?:few|couple) (?:of )?(?:lines|words|sentences)",
  "(?:a|one|two|three|1|2|3) (?:line|lines|sentence|sentences|paragraph)",
  "a paragraph",
  "a blurb",
);

const IOBJ = alt(CLIENT_PERSON, "me", "us", HANDOFF_DEST);

function npCues(modifiers: string, head: string): AudienceCue[] {
  const cues: AudienceCue[] = [];
  const words = ` ${modifiers} ${head} `;
  if (/ (?:email|emails|mail) /.test(words)) cues.push({ audience: "email_draft", role: "email" });
  if (/ (?:client|customer|client facing|customer facing|end user|user|portal|_name_) /.test(words))
    cues.push({ audience: "client_update", role: "type" });
  if (
    / (?:ticket|internal|psa|connectwise|cw|handoff|hand off|handover|hand over|tier ?(?:2|3|two|three)) /.test(
      words,
    )
  )
    cues.push({ audience: "ticket_notes", role: "type" });
  if (/ (?:note|notes) $/.test(` ${head}`) || / notes? /.test(` ${head} `))
    cues.push({ audience: "ticket_notes", role: "note" });
  return cues;
}

/** How much a bare deliverable needs: a weak head alone ("email?", "note") is unclear. */
function npStrength(modifiers: string, head: string): "strong" | "weak" {
  return STRONG_HEAD.test(head) || modifiers.trim() ? "strong" : "weak";
}

interface FrameHit {
  p: number;
  cues: AudienceCue[];
  lengthText: string;
}

/** The start of a clause ("the server is back up"), not of a thing handed over ("the new password"): a finite verb. */
export const FINITE_SOON =
  / (?:is|are|was|were|has|have|had|will|can|could|should|did|does|do|got|looks|seems|went|needs|works|worked|came|broke|fixed|resolved)\b/;
const DETERMINED_THING = /^ (?:the|a|an|her|his|their|our|my|this|that|those|these|some) /;
/** "tell the user to clear her cache": an instruction relayed, not an update. */
const INSTRUCTION =
  /^ to (?!the |them |him |her |us |me |_name_|say |let |explain |confirm |tell |update |inform |advise |report |apologi)\w+/;

const BARE_NP = new RegExp(
  `^ (${DET} )?((?:${DELIVERABLE_MODIFIERS} )*)(${STRONG_HEADS}|${WEAK_HEADS})(?= )`,
);
const VERB_NP = new RegExp(
  `^ (?:${REQUEST_VERBS})(?: (${IOBJ}))?( ${DET})? ((?:${DELIVERABLE_MODIFIERS} )*)(${STRONG_HEADS}|${WEAK_HEADS})(?= )`,
);
const VERB_STAND_IN = new RegExp(`^ (?:(?:${REQUEST_VERBS}) )?(?:(${IOBJ}) )?${STAND_IN}(?= )`);
const SESSION_FRAME = new RegExp(
  `^ (?:${SESSION_VERBS}|write (?:this|it|that|everything)(?: all)? up|sum (?:this|it|that|everything)(?: all)? up)(?: (${SESSION_OBJECTS}))?(?= )`,
);
const OBJECTLESS_SESSION_VERB =
  /^ (?:summarize|summarise|sum up|recap|write up|sum (?:this|it|that|everything)(?: all)? up|write (?:this|it|that|everything)(?: all)? up)\b/;
const TELL_FRAME = new RegExp(`^ (${TELL_VERBS}) (${CLIENT_PERSON})(?= )`);
const UPDATE_TICKET_FRAME = new RegExp(`^ update (${TICKET_DEST})(?= )`);
const BRIEF_HANDOFF_FRAME = new RegExp(`^ (?:brief|update) (${HANDOFF_DEST})(?= )`);
const LET_KNOW_FRAME = new RegExp(
  `^ (?:let (${CLIENT_PERSON}) know|loop (${CLIENT_PERSON}) in|fill (${CLIENT_PERSON}) in|keep (${CLIENT_PERSON}) (?:posted|updated|informed|in the loop|up to date|in the picture)|get (?:word|an update|a message) (?:to|out to) (${CLIENT_PERSON})|send word to (${CLIENT_PERSON})|touch base with (${CLIENT_PERSON})|circle back (?:to|with) (${CLIENT_PERSON}))(?= )`,
);
/** "add this to the ticket", "write everything we've tried into the PSA". */
const INTO_TICKET_FRAME = new RegExp(
  `^ (?:add|put|paste|post|drop|log|note|jot|type|write|enter|record) (?:${SESSION_OBJECTS})(?: down| up| in)? (?:to|in|into|on|onto|in to) (?:${TICKET_DEST})(?= )`,
);
/** "share where we are", "explain what we've done so far". */
const WHERE_WE_ARE_FRAME =
  /^ (?:share|post|give|send|explain|describe|outline|write|write down|type up|spell out|lay out|summarize|summarise)(?: me| us)? (?:where (?:we|things) (?:are|stand)(?: at)?|what we (?:have )?(?:done|found|tried)(?: so far)?|how far (?:we|things) (?:are|have got|got))(?= )/;

/** "explain this to the end user", "word it for the customer". */
const EXPLAIN_FRAME = new RegExp(
  `^ (?:explain|describe|communicate|word|phrase|put|break down|spell out) (?:this|it|that|the issue|the problem|the situation|what happened|what is going on|where we are) (?:to|for) (${CLIENT_PERSON})(?= )`,
);

/** "what should the ticket say?", "what's the update for the client?" */
const WHAT_SAYS_FRAME = new RegExp(
  `^ (?:what (?:should|would|do|does|will|could) (${AUDIENCE}|(?:the |my |our )?(?:note|update|email|message|summary)) say|what is (?:the|our|my) (?:update|message|note|summary|status update|wording) (?:for|to) (${AUDIENCE}))(?= )`,
);
/** "can you write one", "draft it": the deliverable was named in another clause. */
const ANAPHORA_FRAME = new RegExp(
  `^ (?:${REQUEST_VERBS})(?: (${IOBJ}))? (?:one|it|that|something)(?: up)?(?: for (${AUDIENCE}))?(?= )`,
);

/** "what goes in the ticket?", "what should go to the client?" */
const WHAT_GOES_FRAME = new RegExp(
  `^ (?:so )?what (?:goes|should go|would go|do i put|do we put|to put|to write|to say|to send) (?:in|into|on|to|for) (${AUDIENCE})(?= )`,
);
/** "let's get an update written", "get a ticket note out". */
const GET_IT_DONE_FRAME = new RegExp(
  `^ get (?:${DET} )?((?:${DELIVERABLE_MODIFIERS} )*)(${STRONG_HEADS}|${WEAK_HEADS}) (?:written|drafted|done|out|sent|posted|together|ready|up)(?= )`,
);

const QUESTION_FRAME =
  /^ (?:so )?(?:what|how) (?:should|do|can|could|would|shall|will|must|am|are) (?:i|we) (?:be )?(?:going to )?(?:tell|say to|say|send|write to|write|email|message|put in|put into|post in|post to|post on|add to|update|let|explain (?:this |it |that )?to|explain|word (?:this |it |that )?(?:for|to)|word (?:this|it|that)|phrase (?:this |it |that )?(?:for|to)|phrase (?:this|it|that)|communicate (?:this |it |that )?to|communicate|give|reply to|respond to|pass on to|put)(?= )/;
const HELP_FRAME =
  /^ (?:i |we )?(?:do not know|not sure|no idea|unsure|am not sure|am unsure|wonder|am wondering|dunno|need help|could use help|could use a hand|need a hand|struggling)(?: on| with)? (?:what|how) (?:to|i should|we should) (?:tell|say|write|word|explain|phrase|put|communicate|send|update|email)\b/;
const CATCH_UP_FRAME =
  /^ (?:catch me up|fill me in|bring me up to speed|get me up to speed|brief me|update me|give me the rundown|what is the tldr)\b/;
const STATUS_QUESTION =
  /^ (?:where (?:are|do) (?:we|things)(?: at| stand| with this| on this)?|what is the (?:status|latest|current status|state of play|progress|sitrep)(?: on| with| of| here| now)?(?: this| it| things| the ticket| the issue| this one)?|any (?:updates?|progress|news)(?: on| with)?(?: this| it| the ticket| this one)?|how (?:are we|are things|is it|is this) (?:doing|going|looking))\s*$/;

/** True when a verb addressing the reader is followed by an object that is neither an update nor news. */
function handsOverAThing(rest: string): boolean {
  const afterChannel = rest.replace(
    /^ (?:on|via|over|in|by) (?:teams|slack|chat|the phone|phone|email|text|sms)(?= )/,
    "",
  );
  if (INSTRUCTION.test(afterChannel)) return true;
  if (!DETERMINED_THING.test(afterChannel)) return false;
  if (BODY_DELIVERABLE.test(afterChannel)) return false;
  const nextWords = afterChannel.split(" ").slice(0, 7).join(" ");
  return !FINITE_SOON.test(` ${nextWords} `);
}

function withRest(
  hit: Omit<FrameHit, "lengthText"> & { head: string },
  rest: string,
  allowBody: boolean,
  strict: boolean,
): FrameHit | null {
  const reading = readRest(rest, allowBody, strict);
  if (!reading.ok) return reading.p < 0.05 ? { p: reading.p, cues: [], lengthText: "" } : null;
  return {
    p: Math.min(hit.p, reading.p),
    cues: [...hit.cues, ...reading.cues],
    lengthText: hit.head + reading.lengthText,
  };
}

/** Tries every request frame on a clause whose prefix has been removed. */
function matchFrames(s: string, prefixP: number, opts: ClauseOptions): FrameHit | null {
  const { hasMoreClauses } = opts;
  let m = QUESTION_FRAME.exec(s) ?? HELP_FRAME.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    const target = new RegExp(`^ (?:to |for |in |into |on )?(${AUDIENCE})(?= )`).exec(rest);
    const cues: AudienceCue[] = [];
    if (target?.[1]) cues.push({ audience: audienceOfPhrase(target[1]), role: "target" });
    if (/^ (?:email|mail)\b/.test(m[0].replace(/^ \w+ \w+ \w+/, " ")) || / email /.test(m[0])) {
      cues.push({ audience: "email_draft", role: "email" });
    }
    return { p: target || rest.trim() === "" ? 0.9 : 0.6, cues, lengthText: m[0] + rest };
  }
  m = EXPLAIN_FRAME.exec(s);
  if (m) {
    const cues: AudienceCue[] = [{ audience: audienceOfPhrase(m[1]!), role: "target" }];
    return withRest({ p: 0.9 * prefixP, cues, head: m[0] }, s.slice(m[0].length), false, false);
  }
  m = WHAT_SAYS_FRAME.exec(s);
  if (m) {
    const target = m[1] ?? m[2]!;
    const audience = audienceOfPhrase(target);
    const cues: AudienceCue[] = audience === "other" ? [] : [{ audience, role: "target" }];
    return withRest(
      { p: (m[2] ? 0.6 : 0.9) * prefixP, cues, head: m[0] },
      s.slice(m[0].length),
      false,
      false,
    );
  }
  m = WHERE_WE_ARE_FRAME.exec(s);
  if (m) return withRest({ p: 0.92 * prefixP, cues: [], head: m[0] }, s.slice(m[0].length), false, false);
  m = INTO_TICKET_FRAME.exec(s);
  if (m) {
    const cues: AudienceCue[] = [{ audience: "ticket_notes", role: "target" }];
    return withRest({ p: 0.92 * prefixP, cues, head: m[0] }, s.slice(m[0].length), false, false);
  }
  m = WHAT_GOES_FRAME.exec(s);
  if (m) {
    const cues: AudienceCue[] = [{ audience: audienceOfPhrase(m[1]!), role: "target" }];
    return withRest({ p: 0.9 * prefixP, cues, head: m[0] }, s.slice(m[0].length), false, false);
  }
  m = GET_IT_DONE_FRAME.exec(s);
  if (m) {
    const cues = npCues(m[1] ?? "", m[2] ?? "");
    return withRest({ p: 0.9 * prefixP, cues, head: m[0] }, s.slice(m[0].length), false, false);
  }
  m = LET_KNOW_FRAME.exec(s);
  if (m) {
    const person = m.slice(1).find(Boolean)!;
    const cue: AudienceCue = { audience: audienceOfPhrase(person), role: "target" };
    return withRest({ p: 0.93 * prefixP, cues: [cue], head: m[0] }, s.slice(m[0].length), true, false);
  }
  m = TELL_FRAME.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    const next = rest.trim().split(" ")[0] ?? "";
    if (!TELL_OBJECT_COMPOUND.has(next)) {
      const verb = m[1]!;
      const cues: AudienceCue[] = [{ audience: audienceOfPhrase(m[2]!), role: "target" }];
      if (verb === "email" || verb === "mail") cues.push({ audience: "email_draft", role: "email" });
      if (!handsOverAThing(rest)) return withRest({ p: 0.93 * prefixP, cues, head: m[0] }, rest, true, false);
    }
  }
  m = UPDATE_TICKET_FRAME.exec(s) ?? BRIEF_HANDOFF_FRAME.exec(s);
  if (m) {
    const cues: AudienceCue[] = [{ audience: "ticket_notes", role: "target" }];
    return withRest({ p: 0.9 * prefixP, cues, head: m[0] }, s.slice(m[0].length), false, false);
  }
  m = VERB_NP.exec(s);
  if (m) {
    const [whole, iobj, , modifiers = "", head = ""] = m;
    const cues = npCues(modifiers, head);
    if (iobj) cues.push({ audience: audienceOfPhrase(iobj), role: "target" });
    const weak = npStrength(modifiers, head) === "weak" && !iobj;
    const hit = withRest(
      { p: (weak ? 0.6 : 0.93) * prefixP, cues, head: whole },
      s.slice(whole.length),
      false,
      false,
    );
    if (hit && weak && !hit.cues.some((c) => c.role === "target" || c.role === "email"))
      hit.p = Math.min(hit.p, 0.6);
    if (hit) return hit;
  }
  m = SESSION_FRAME.exec(s);
  if (m && (m[1] || OBJECTLESS_SESSION_VERB.test(s))) {
    const hit = withRest({ p: 0.92 * prefixP, cues: [], head: m[0] }, s.slice(m[0].length), false, true);
    if (hit) return hit;
  }
  m = VERB_STAND_IN.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    const reading = readRest(rest, false, true);
    const targeted = reading.cues.some((c) => c.audience !== "other");
    if (reading.ok && targeted) {
      const cues = [...reading.cues];
      if (m[1]) cues.push({ audience: audienceOfPhrase(m[1]), role: "target" });
      return { p: Math.min(0.9 * prefixP, reading.p), cues, lengthText: m[0] + reading.lengthText };
    }
  }
  m = BARE_NP.exec(s);
  if (m) {
    const [whole, det, modifiers = "", head = ""] = m;
    // "Note that the server reboots at 5" is the verb "note", not a ticket note.
    if (!det && !modifiers.trim() && /^notes?$/.test(head) && /^ that /.test(s.slice(whole.length)))
      return null;
    const cues = npCues(modifiers, head);
    const hit = withRest({ p: 0.93 * prefixP, cues, head: whole }, s.slice(whole.length), false, true);
    if (!hit) return null;
    const supported = hit.cues.length > 0 || npStrength(modifiers, head) === "strong";
    if (!supported) hit.p = Math.min(hit.p, hasMoreClauses || s.length > whole.length + 1 ? 0.45 : 0.55);
    // "updates?" on its own asks the room, not the bot.
    if (
      opts.isQuestion &&
      !det &&
      !modifiers.trim() &&
      hit.cues.length === 0 &&
      s.length <= whole.length + 1
    ) {
      hit.p = Math.min(hit.p, 0.45);
    }
    return hit;
  }
  m = CATCH_UP_FRAME.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    const onSession = new RegExp(`^ (?:on|with) ${SESSION_OBJECTS} $`).test(rest);
    if (!rest.trim() || onSession) return { p: 0.7 * prefixP, cues: [], lengthText: "" };
  }
  if (STATUS_QUESTION.test(s)) return { p: 0.42, cues: [], lengthText: s };
  return null;
}

export interface ClauseOptions {
  /** The clause ends in a colon and real content follows: "Update: the server is back". */
  isLabel: boolean;
  hasMoreClauses: boolean;
  isQuestion: boolean;
}

/** "would you mind writing up ..." -> "would you mind write up ...". */
const GERUNDS: Record<string, string> = {
  writing: "write",
  drafting: "draft",
  putting: "put",
  preparing: "prepare",
  sending: "send",
  doing: "do",
  giving: "give",
  sharing: "share",
  summarizing: "summarize",
  summarising: "summarise",
  updating: "update",
  emailing: "email",
  letting: "let",
  telling: "tell",
  adding: "add",
  posting: "post",
  making: "make",
  creating: "create",
  generating: "generate",
  typing: "type",
  documenting: "document",
  recapping: "recap",
  throwing: "throw",
  whipping: "whip",
};
const MIND_GERUND = /^ (?:would you |do you )?mind (\w+ing)\b/;

/** The clause without its leading fillers ("ok so", "hey") and a time said first ("tomorrow morning"). */
export function stripFillers(text: string): string {
  let s = text;
  for (let i = 0; i < 4; i++) {
    const m = FILLERS.exec(s) ?? LEADING_TIME.exec(s);
    if (!m) break;
    s = ` ${s.slice(m[0].length)}`;
  }
  return s;
}

const ANTECEDENT = new RegExp(` (?:${STRONG_HEADS}|note|notes|email|message) `);

/**
 * "the client needs an update, can you write one": a request whose deliverable
 * was named in another clause. Returns the request, with the audience words of
 * both clauses, or null.
 */
export function readAnaphora(text: string, antecedent: string): ClauseReading | null {
  if (!ANTECEDENT.test(antecedent)) return null;
  const s = stripFillers(text);
  for (const prefix of PREFIXES) {
    if (prefix.p < 1) continue;
    const m = prefix.pattern.exec(s);
    if (!m) continue;
    const rest = ` ${s.slice(m[0].length)}`.replace(/^ {2}/, " ");
    const hit = ANAPHORA_FRAME.exec(rest);
    if (!hit) continue;
    const reading = readRest(rest.slice(hit[0].length), false, true);
    if (!reading.ok) return null;
    const cues: AudienceCue[] = [...reading.cues];
    for (const phrase of [hit[1], hit[2]])
      if (phrase) cues.push({ audience: audienceOfPhrase(phrase), role: "target" });
    const mentioned = audienceOfPhrase(antecedent);
    if (/ (?:email|mail) /.test(antecedent)) cues.push({ audience: "email_draft", role: "email" });
    else if (mentioned !== "other") cues.push({ audience: mentioned, role: "type" });
    return { kind: "request", p: 0.88, cues, lengthText: antecedent + rest };
  }
  return null;
}

/** Reads one clause of a message. */
export function readClause(text: string, opts: ClauseOptions): ClauseReading {
  let s = stripFillers(text);
  if (!s.trim()) return CHATTER;
  const gerund = MIND_GERUND.exec(s);
  if (gerund && GERUNDS[gerund[1]!]) s = ` mind ${GERUNDS[gerund[1]!]}${s.slice(gerund[0].length)}`;
  if (!HELP_FRAME.test(s) && NEGATION_START.test(s)) return NEGATED;
  for (const prefix of PREFIXES) {
    const m = prefix.pattern.exec(s);
    if (!m) continue;
    if (NEGATION_IN_PREFIX.test(m[0])) return NEGATED;
    const rest = ` ${s.slice(m[0].length)}`.replace(/^ {2}/, " ");
    if (NEGATION_START.test(rest) && !HELP_FRAME.test(rest)) return NEGATED;
    const hit = matchFrames(rest, prefix.p, opts);
    if (!hit) continue;
    if (hit.p < 0.05) return NEGATED;
    if (opts.isLabel) return { kind: "chatter", p: 0.1, cues: [], lengthText: "" };
    return {
      kind: hit.p >= 0.5 ? "request" : "maybe",
      p: hit.p,
      cues: hit.cues,
      lengthText: hit.lengthText,
      opening: prefix.kind,
    };
  }
  return opts.isLabel ? CHATTER : (readEditClause(s) ?? CHATTER);
}

/** "make that an email", "can you make it shorter", "for the client instead": an edit of the update just written. */
function readEditClause(s: string): ClauseReading | null {
  for (const prefix of PREFIXES) {
    if (prefix.p < 0.6) continue;
    const m = prefix.pattern.exec(s);
    if (!m) continue;
    const rest = ` ${s.slice(m[0].length)}`.replace(/^ {2}/, " ");
    const edit = readEdit(rest);
    if (edit)
      return {
        kind: "request",
        p: 0.7 * prefix.p,
        cues: editCues(rest),
        lengthText: rest,
        edit,
        opening: prefix.kind,
      };
  }
  return null;
}

function editCues(text: string): AudienceCue[] {
  const cues: AudienceCue[] = [];
  if (/ (?:email|mail|email draft) /.test(text)) cues.push({ audience: "email_draft", role: "email" });
  const target = new RegExp(`(?: for| to| as| in| into) (${AUDIENCE})(?= )`).exec(text);
  if (target) {
    const audience = audienceOfPhrase(target[1]!);
    if (audience !== "other") cues.push({ audience, role: "target" });
  } else if (/ (?:internal|tech|technical|ticket) version /.test(text)) {
    cues.push({ audience: "ticket_notes", role: "type" });
  } else if (/ (?:client|customer) version /.test(text)) {
    cues.push({ audience: "client_update", role: "type" });
  }
  return cues;
}
