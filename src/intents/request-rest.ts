/**
 * What may follow the head of a request: destinations ("for the client"),
 * politeness, length and scope phrases, or the body of the message being
 * dictated ("tell the client we're on it"). Anything else after a deliverable
 * ("update history", "update is stuck") means it was never a request.
 */
import {
  AUDIENCE_PHRASE as AUDIENCE,
  alt,
  DELIVERABLE_MODIFIERS,
  DET,
  SESSION_OBJECTS,
  STRONG_HEADS,
  TECH_OBJECT_WORDS,
  WEAK_HEADS,
} from "./lexicon.ts";
import { type AudienceCue, audienceOfPhrase } from "./slots.ts";

/** Right after a deliverable, these words make it a compound noun or a subject: "update history", "update is stuck". */
export const NOT_A_REQUEST_AFTER = new Set([
  ...TECH_OBJECT_WORDS,
  "is",
  "are",
  "was",
  "were",
  "has",
  "had",
  "have",
  "went",
  "got",
  "gets",
  "keeps",
  "kept",
  "shows",
  "showed",
  "says",
  "said",
  "say",
  "looks",
  "seems",
  "will",
  "would",
  "should",
  "can",
  "could",
  "did",
  "does",
  "do",
  "from",
  "failed",
  "fails",
  "bounced",
  "came",
  "arrived",
  "disappeared",
  "stuck",
  "broke",
  "crashed",
  "never",
  "not",
  "history",
  "bar",
  "bars",
  "page",
  "log",
  "logs",
  "file",
  "files",
  "service",
  "screen",
  "window",
  "tab",
  "button",
  "icon",
  "field",
  "queue",
  "job",
  "jobs",
  "ring",
  "channel",
  "catalog",
  "cache",
  "package",
  "packages",
  "notification",
  "notifications",
  "indicator",
  "percentage",
  "meter",
  "check",
  "cycle",
  "schedule",
  "process",
  "template",
  "templates",
  "rule",
  "rules",
  "address",
  "addresses",
  "account",
  "client",
  "signature",
  "footer",
  "header",
  "box",
  "trace",
  "flow",
  "loop",
  "storm",
  "chain",
  "thread",
  "list",
  "limit",
  "size",
  "quota",
  "sync",
  "tool",
  "app",
  "available",
  "pending",
  "installed",
  "installing",
  "completed",
  "finished",
  "required",
  "needed",
  "rolled",
  "pushed",
  "applied",
  "that",
  "which",
  "went",
  "sent",
  "i",
  "we",
  "they",
  "you",
  "he",
  "she",
  "it",
]);

/** "update the client machine", "email the customer list": the person word is part of a thing. */
export const TELL_OBJECT_COMPOUND = new Set([
  ...TECH_OBJECT_WORDS,
  "machine",
  "machines",
  "computer",
  "email",
  "emails",
  "account",
  "accounts",
  "password",
  "profile",
  "address",
  "list",
  "contact",
  "contacts",
  "details",
  "info",
  "information",
  "software",
  "app",
  "version",
  "side",
  "vpn",
  "printer",
  "gateway",
  "ip",
  "router",
  "network",
  "wifi",
  "domain",
  "dc",
  "mfa",
  "link",
  "cache",
  "site",
  "portal",
  "number",
  "phone",
]);

/** "email the client a quick update": the body names the deliverable. */
export const BODY_DELIVERABLE = new RegExp(
  `^ (?:${DET} )?(?:${DELIVERABLE_MODIFIERS} )*(?:${STRONG_HEADS}|${WEAK_HEADS})(?= )`,
);

/** Phrases that may follow a request without changing it: destinations, politeness, length, scope. */
const TAILS: RegExp[] = [
  new RegExp(
    `^ (?:for|to|into|in|on|onto|in to|through|via) (${AUDIENCE}(?: portal| team| side| folks| contact| notes| note| ticket| record)?)(?= )`,
  ),
  new RegExp(
    `^ ${alt(
      "please",
      "thanks",
      "thank you",
      "now",
      "asap",
      "quickly",
      "real quick",
      "right now",
      "rn",
      "again",
      "too",
      "as well",
      "for me",
      "for us",
      "here",
      "today",
      "tonight",
      "if you can",
      "if possible",
      "when you (?:can|get a (?:chance|sec|second|minute|moment)|have a (?:sec|second|minute|moment))",
      "whenever",
      "ok",
      "mate",
      "buddy",
      "so far",
      "to date",
      "then",
      "real fast",
      "for this (?:ticket|issue|one|session|case)",
      "for today",
      "for the day",
      "before i \\w+(?: \\w+)?(?: \\w+)?",
      "since (?:the )?last (?:update|one|time)",
    )}(?= )`,
  ),
  new RegExp(`^ (?:on|of|about|for|re|regarding|around|covering|with) ${SESSION_OBJECTS}(?= )`),
  /^ (?:(?:and )?(?:keep|make) it|in|with|nothing|not too|in a|as a|as an|no) ?(?:short|brief|quick|tight|simple|light|detailed|thorough|long|full|in depth|concise|detail|depth|full detail|all the details|details|fancy|long|jargon|plain english|non technical|nontechnical|technical|professional|friendly|formal|casual|polite|short and sweet|nutshell|couple of sentences|few sentences|few lines|sentence or two|line or two|bullet points|bullets|(?:one|two|three|1|2|3|a couple of|a few) (?:sentences|sentence|lines|line))(?= )/,
  new RegExp(
    `^ (?:(?:that|which|so) )?(?:i|we|they|you)? ?(?:can|could|to)? ?(?:send|paste|post|forward|share|give|drop|put|copy|add|stick|attach|email|pass)(?: (?:it|that|this|on|over|along))?(?: (?:to|into|in|on|for|with|onto))?(?: (${AUDIENCE}))?(?= )`,
  ),
  /^ (?:as|in|via|by|over|on) (?:an? )?(?:email|mail|message|note|ticket note|internal note|chat|teams|slack|the phone)(?= )/,
  /^ time(?= $)/,
  /^ (?:with|including|and) (?:the |our )?(?:resolution|fix|escalation|root cause|next steps|eta|timeline|steps|findings|status)(?= )/,
];

/** Message content follows: anything goes, only its resolution/escalation wording matters. */
const BODY_INTRO =
  /^ (?:saying|that says|to say|explaining|that explains|to explain|letting (?:them|him|her|the \w+|_name_) know|telling (?:them|him|her|the \w+|_name_)|to let (?:them|him|her|the \w+|_name_) know|to tell (?:them|him|her|the \w+|_name_)|confirming|to confirm|summarizing|summarising|that (?:we|it|the|they|this)|with (?:where|what|how|why|everything|all|every|each|the|our|a|details|an|any|some))\b/;
/** A topic follows ("about the outage", "on the backup job"): fine unless it turns into a statement. */
const TOPIC_INTRO = /^ (?:about|on|regarding|re|covering|including)\b/;
const STATEMENT_VERB =
  / (?:is|are|was|were|has|had|have|failed|went|got|will|would|should|did|does|keeps|kept|seems|looks|shows|showed|says|said|stuck|completed|finished|installed|installing|pending|available|broke|broken|crashed|disappeared|bounced|never)\b/;

const DEFERRAL =
  /^ (?:once|after|as soon as|if|until|later|tomorrow|next week|when (?!you )|in (?:an|a few|\d+) (?:hour|hours|minutes|min|mins)|at \d|by \d|before we)\b/;
const REST_NEGATION =
  / (?:until|not yet|not needed|not necessary|not required|can wait|on hold|hold off|no need|not now|not until|is not needed)\b/;
const REST_DEFERRAL =
  / (?:later|tomorrow|next week|once (?:we|it|the|this)|after (?:we|it|the|this|lunch)|as soon as)\b/;

export interface RestReading {
  ok: boolean;
  p: number;
  cues: AudienceCue[];
  /** The rest without the dictated message body. */
  lengthText: string;
}

/**
 * Reads what follows a request head. `allowBody`: a verb addressing the reader
 * ("tell the client ...") takes the message body directly.
 */
export function readRest(rest: string, allowBody: boolean, strict: boolean): RestReading {
  const cues: AudienceCue[] = [];
  // A dictated body may say anything ("tell the client we can't fix it until Monday"); only a
  // deliverable's own rest is read for "not yet", "until", "can wait".
  if (!allowBody && REST_NEGATION.test(rest) && !BODY_INTRO.test(rest))
    return { ok: false, p: 0.04, cues, lengthText: "" };
  if (DEFERRAL.test(rest) && !/^ when you /.test(rest)) return { ok: true, p: 0.35, cues, lengthText: rest };
  let remaining = rest;
  let consumed = "";
  for (let guard = 0; guard < 12 && remaining.trim(); guard++) {
    let matched = false;
    for (const tail of TAILS) {
      const m = tail.exec(remaining);
      if (!m) continue;
      const audiencePhrase = m[1];
      if (audiencePhrase) {
        const audience = audienceOfPhrase(audiencePhrase);
        cues.push({ audience, role: audience === "email_draft" ? "email" : "target" });
      } else if (/^ (?:as|in|via|by|over|on) (?:an? )?(?:email|mail)$/.test(m[0])) {
        cues.push({ audience: "email_draft", role: "email" });
      }
      consumed += m[0];
      remaining = remaining.slice(m[0].length);
      matched = true;
      break;
    }
    if (!matched) break;
  }
  if (!remaining.trim()) return { ok: true, p: 0.93, cues, lengthText: consumed };
  if (!allowBody && REST_DEFERRAL.test(remaining)) return { ok: true, p: 0.35, cues, lengthText: consumed };
  if (BODY_INTRO.test(remaining) || allowBody) {
    return { ok: true, p: 0.92, cues, lengthText: consumed + bodyScope(remaining) };
  }
  const first = remaining.trim().split(" ")[0]!;
  if (NOT_A_REQUEST_AFTER.has(first)) return { ok: false, p: 0.05, cues, lengthText: "" };
  if (TOPIC_INTRO.test(remaining)) {
    const statement = STATEMENT_VERB.test(remaining.replace(new RegExp(SESSION_OBJECTS, "g"), " "));
    if (!statement) return { ok: true, p: 0.9, cues, lengthText: consumed + remaining };
    return { ok: false, p: 0.1, cues, lengthText: "" };
  }
  // Something unexpected follows: a request by its verb, but not one to act on without asking.
  return strict
    ? { ok: false, p: 0.08, cues, lengthText: "" }
    : { ok: true, p: 0.4, cues, lengthText: consumed };
}

/** The part of a dictated body that can still say how long the update should be ("with everything we've tried"). */
function bodyScope(body: string): string {
  if (/^ (?:with|including|covering|everything|all the)\b/.test(body)) return body;
  return BODY_DELIVERABLE.exec(body)?.[0] ?? "";
}
