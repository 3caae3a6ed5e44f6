import type { Audience, Length, UpdateContextKind } from "../domain/enums.ts";
import { alt, DETAILED_WORDS, QUICK_WORDS } from "./lexicon.ts";

/** Where an audience word sat in a request: the deliverable's own type beats where it goes. */
export type CueRole = "email" | "type" | "target" | "note";
export interface AudienceCue {
  audience: Audience | "other";
  role: CueRole;
}

const ROLE_ORDER: CueRole[] = ["email", "type", "target", "note"];

/**
 * Picks the audience from the cues a request carried: an email anywhere makes
 * an email draft; otherwise the deliverable's type ("client update", "ticket
 * note"), then its destination ("for the ticket", "tell the client"), then a
 * bare "note". Disagreeing cues of the same rank leave the audience open.
 */
export function resolveAudience(cues: readonly AudienceCue[]): Audience | null {
  for (const role of ROLE_ORDER) {
    const kinds = new Set(
      cues.filter((c) => c.role === role && c.audience !== "other").map((c) => c.audience),
    );
    if (kinds.size === 1) return [...kinds][0] as Audience;
    if (kinds.size > 1) return null;
  }
  return null;
}

/** Audience of one destination phrase ("the client", "the psa", "tier 3", "acme"). */
export function audienceOfPhrase(phrase: string): Audience | "other" {
  const p = ` ${phrase.trim()} `;
  if (/ (?:email|emails|mail|inbox) /.test(p)) return "email_draft";
  if (
    / (?:tier|level|t|l) ?(?:2|3|two|three|ii|iii) |second line|third line|2nd line|3rd line|specialist|escalation team|senior (?:tech|engineer)|next (?:shift|tech|engineer)|night shift|on ?call|noc|soc|network team|security team|project team|dispatch|service desk|help ?desk/.test(
      p,
    )
  )
    return "ticket_notes";
  if (
    / (?:ticket|tickets|psa|connectwise|connect wise|cw|autotask|halo|halopsa|servicenow|zendesk|notes|note|documentation|docs|case|record|time entry) /.test(
      p,
    )
  )
    return "ticket_notes";
  if (
    / (?:client|clients|customer|customers|user|users|enduser|contact|requester|requestor|caller|owner|office manager|practice manager|poc|account|company|business|portal|them|him|her|_name_) /.test(
      p,
    )
  )
    return "client_update";
  return "other";
}

/** Everyday English for "short" that names no length: "bare bones", "don't write a novel", "the headline". */
const QUICK_IDIOMS = alt(
  "bare bones",
  "bare minimum",
  "(?:just )?the headlines?",
  "headline version",
  "elevator (?:pitch|version|summary)",
  "do not write (?:a|an) (?:novel|essay|book)",
  "(?:no|not a|not an) (?:novel|essay|book|saga|wall of text)",
  "nothing (?:long|fancy|big|major|lengthy)",
  "not the whole (?:saga|story|thing)",
  "just the (?:outcome|result|bottom line|top line|short of it)",
  "bottom line",
  "(?:a|one|two) (?:bullet|bullets|liner|sentence|line)(?: or (?:two|three))?",
  "(?:two|2|three|3) lines? max",
  "(?:in )?(?:a )?(?:tweet|text) (?:length|sized)",
  "keep it (?:tight|snappy|light|crisp|lean)",
  "short version",
  "cliff ?notes",
  "quick and dirty",
  "skim(?:mable|able)",
  "trim(?:med)? down",
  "cut down",
  "tighten(?:ed)? (?:it )?up",
);

/** Everyday English for "detailed": "chapter and verse", "warts and all", "go deep", "leave nothing out". */
const DETAILED_IDIOMS = alt(
  "chapter and verse",
  "warts and all",
  "(?:the )?whole (?:saga|nine yards|enchilada|shebang|lot)",
  "(?:all )?the gory details",
  "go (?:deep|deeper|long|into detail|into depth)",
  "deep dive",
  "leave nothing out",
  "(?:do not|dont) leave (?:anything|nothing) out",
  "nothing left out",
  "everything (?:we have|we got|we know)",
  "the (?:long|full|complete|unabridged) (?:version|story|rundown|writeup|write up)",
  "full (?:story|picture|rundown|account|timeline|history)",
  "all (?:the )?(?:background|history|context)",
  "every (?:command|change|test|check|step we took)",
  "walk (?:them|him|her|_name_|the client|the customer|the user|me|us) through",
  "(?:more|lots of|plenty of) (?:detail|depth|context)",
  "spell (?:it|everything) out",
  "belt and braces",
  "soup to nuts",
  "the works",
  "the lot",
);

const NEGATED_BEFORE =
  /\b(?:not|never|no|without|nothing|isnt|is not)(?: \w+)?(?: too| very| overly| that| super)? $/;

const QUICK = new RegExp(
  ` (?:${QUICK_WORDS}|briefly|keep it (?:short|brief|tight|simple|quick|light)|short and sweet|in a nutshell|(?:a |one |two |2 |3 )?(?:couple|few|handful) (?:of )?(?:sentences|lines|words)|(?:one|two|2|a) (?:sentence|sentences|lines)|just the (?:essentials|basics|highlights|gist|headline|headlines|key points)|the gist|gist|keep it (?:tiny|small|light)|tiny|not (?:too |very |overly |that |super )?(?:long|detailed|wordy|lengthy)|nothing (?:too |very )?(?:long|detailed|fancy|lengthy)|no (?:need for )?(?:details|essay|essays|novel|novels|wall of text)|bullet summary|(?:\\d+|ten|thirty|sixty) (?:second|sec|minute|min) (?:version|summary|update|recap|rundown|read|overview)|elevator pitch|(?:one|two|three|1|2|3|1 2|2 3|one or two|two or three|a couple|couple|a few|few|handful)(?: of)? (?:short |quick )?(?:sentences|sentence|lines|line|words)|(?:something|sth|smth|anything) (?:short|brief|quick|snappy)|${QUICK_IDIOMS})(?= )`,
);
const DETAILED = new RegExp(
  ` (?:${DETAILED_WORDS}|details|detail|breakdown|in detail|fully|thoroughly|everything (?:we|i) (?:have |had )?(?:tried|done|did|checked|found|looked at|ruled out)|all (?:the |of the )?(?:steps|details|things we (?:have )?tried|troubleshooting)|every step|each step|what we (?:have )?(?:tried|ruled out)|walk ?through|nitty gritty|long form|long version|full version|the works|(?:not|nothing) (?:too |so )?(?:short|brief)|covering (?:all|every|everything)|all (?:our |the )?attempts|every attempt|(?:including|incl|inc) (?:the )?(?:ruled out|what we ruled out|everything)|start to finish|soup to nuts|(?:the )?whole (?:picture|story|thing)|every (?:last |single )?(?:thing|detail)|${DETAILED_IDIOMS})(?= )`,
);

/**
 * Phrases that can only describe the message itself, so they count even inside
 * the words a request dictates: "mail the customer something short and sweet".
 */
const MESSAGE_QUICK =
  / (?:short and sweet|nice and short|(?:one|two|three|1|2|3|1 2|2 3|one or two|two or three|a couple|couple|a few|few|handful)(?: of)? (?:short |quick )?(?:sentences|sentence|lines|line)|(?:something|anything) (?:short|brief|quick|snappy)|one liner|oneliner|tldr)(?= )/;
const MESSAGE_DETAILED =
  / (?:step by step|every step|all (?:the |our )?(?:steps|details|attempts)|every detail|in (?:full )?detail|start to finish|blow by blow|long version|full version|(?:something|anything) (?:detailed|thorough|in depth))(?= )/;

/** quick / detailed from phrases only a message's length can mean; null when neither or both. */
export function detectMessageLength(text: string): Length | null {
  const padded = ` ${text.trim()} `;
  const quick = MESSAGE_QUICK.test(padded);
  const detailed = MESSAGE_DETAILED.test(padded);
  if (quick !== detailed) return quick ? "quick" : "detailed";
  return null;
}

const BRIEF_AS_VERB =
  / brief(?= (?:(?:the|my|our|their) )?(?:them|him|her|us|me|everyone|everybody|_name_|client|customer|owner|user|users|team|staff|management|tier|people|folks|on|in)\b(?! (?:update|updates|note|notes|email|message|summary|recap|version|writeup|one)\b))/g;

/** quick / detailed as the text states it; null when it says neither or both. */
export function detectLength(text: string): Length | null {
  // "brief the owner" asks for an update; it says nothing of its length.
  const padded = ` ${text.trim()} `.replace(BRIEF_AS_VERB, " ");
  const quickMatch = QUICK.exec(padded);
  const detailedMatch = DETAILED.exec(padded);
  // "not too detailed" reads as quick, "not too short" as detailed; the QUICK/DETAILED
  // patterns cover those, so a negated plain word must not count for the other side.
  const quick = quickMatch && !isNegated(padded, quickMatch.index, /not|nothing|no/.test(quickMatch[0]));
  const detailed =
    detailedMatch && !isNegated(padded, detailedMatch.index, /not|nothing|no/.test(detailedMatch[0]));
  if (quick && !detailed) return "quick";
  if (detailed && !quick) return "detailed";
  return null;
}

function isNegated(text: string, index: number, selfNegating: boolean): boolean {
  if (selfNegating) return false;
  return NEGATED_BEFORE.test(text.slice(0, index + 1));
}

const RESOLUTION = new RegExp(
  ` (?:${alt(
    "fixed",
    "resolved",
    "resolution",
    "solved",
    "sorted(?: out)?",
    "fix (?:is in|is confirmed|worked|held|took)",
    "that did it",
    "that did the trick",
    "(?:it is|it has been|it was|everything is|things are|all is|that is|this is|issue is|problem is) (?:working|sorted|back|fixed|resolved|solved)(?: now| again)?",
    "all (?:good|sorted|fixed|working) now",
    "working (?:now|again|fine|normally)",
    "back (?:up|online|to normal|in business|working)",
    "up and running",
    "no longer (?:happening|an issue|a problem|broken)",
    "issue is gone",
    "problem (?:is )?gone",
    "closing(?: out)?",
    "close (?:out|it out|this out|the ticket|the case)",
    "closed",
    "closure",
    "closeout",
    "final (?:update|note|notes|email|summary|message)",
    "wrap up note",
    "what fixed it",
    "(?:document|documenting|write up|writing up|log|capture|record|summarize|summarise|explain|describe) (?:the |our |what )?(?:fix|solution|resolution|workaround)",
    "(?:the )?(?:fix|solution) (?:for|to) (?:the )?ticket",
    "root cause and (?:the )?fix",
    "all good now",
    "(?:it |that |everything |all )?works (?:now|again)",
    "(?:working|mapping|printing|syncing|connecting|loading|sending|receiving|flowing|booting|running|resolving|authenticating|responding|scanning|launching|opening) (?:now|again|fine|properly|normally)",
    "(?:maps|prints|syncs|connects|loads|boots|runs|opens|launches|responds|scans|authenticates) (?:again|now|fine|properly)",
    "can (?:sign|log|logon|login|connect|print|access|send|receive|open|get|scan|map|reach|see) (?:\\w+ )?again",
    "(?:is |are |s )?back (?:online|up|in|on|to normal|working|in business)",
    "(?:issue|problem|error|outage) (?:is |has )?gone",
    "(?:we are|we re|all|we) good now",
    "we are good",
    "close (?:this|it|the ticket|the case) (?:one )?out",
    "can close",
    "(?:we are|i am|it is|that is|this is|all) done",
    "wrapping (?:this |it )?up",
    "wrap (?:this |it )?up",
    "final (?:\\w+ ){0,2}(?:update|note|notes|email|summary|message|writeup|write up|recap)",
    "good to close",
    "ready to close",
    "(?:ok|okay|safe) to close",
    "(?:we|i) can (?:call it|close|wrap)",
    "call it (?:done|fixed|closed)",
    "done and dusted",
    "all (?:green|clear|set|done)",
    "(?:we are|we re|were) all set",
    "green (?:now|again|across the board)",
    "(?:working|running|behaving) (?:like a charm|perfectly|as expected|normally|fine now)",
    "behaving (?:now|again)",
    "(?:is |are )?happy now",
    "(?:user|client|customer|she|he|they) (?:confirmed|is happy|are happy|signed off)",
    "signed off",
    "put a bow on it",
    "(?:we are |we re )?done here",
    "(?:issue|problem|ticket|case) (?:closed|solved|resolved)",
    "close(?:d)? out",
    "close out",
    "no (?:errors|issues|problems|drops|complaints) since",
    "(?:came|come|is|it is) back (?:up|online)",
    "the fix (?:held|worked|took)",
    "mark (?:it|this) (?:done|resolved|closed|fixed)",
  )})(?= )`,
);
const RESOLUTION_DOUBT =
  /\b(?:not|never|no longer|still|almost|nearly|partially|before|until|once|if|when|whether|might|may|should be|will be|would be|hopefully|yet to be|hasnt|has not|isnt|is not|once it is|after it is)(?: \w+){0,2} $/;

const ESCALATION = new RegExp(
  ` (?:${alt(
    "escalate",
    "escalated",
    "escalates",
    "escalating",
    "escalation",
    "handoff",
    "hand off",
    "handing off",
    "hand (?:this|it) off",
    "hand (?:this |it )?over",
    "handing (?:this |it )?over",
    "handover",
    "(?:tier|level|t|l) ?(?:2|3|two|three|ii|iii)",
    "(?:second|third|2nd|3rd) line",
    "specialist",
    "specialists",
    "pass (?:this|it) (?:on|to|over|along)",
    "pass (?:on|along) to",
    "passing (?:this |it )?(?:on|to|over|along)",
    "transfer(?:ring)? (?:this |it )?to",
    "taking over",
    "take over",
    "senior (?:tech|engineer)",
    "bump(?:ing)? (?:this |it )?(?:up|to)",
    "kick(?:ing)? (?:this |it )?up",
    "hand(?:ing|ed|s)? (?:this |it |the ticket |the case )?(?:off|over)",
    "hand(?:ing|ed|s)? (?:(?:this|it|the ticket|the case) )?(?:off |over )?to",
    "tak(?:e|es|ing) (?:this |it )?over",
    "tak(?:e|es|ing) (?:this|it) from here",
    "(?:getting|gets|get) (?:this|it) next",
    "bring(?:ing)? in (?:the |a )?(?:vendor|isp|specialist|microsoft|tier)",
    "(?:involve|involving|engage|engaging|loop in|looping in) (?:the |a )?(?:vendor|isp|specialist)",
    "(?:kick|kicking|kicked|going|goes|send|sending|sent|pass|passing|push|pushing|move|moving|bump|bumping|escalat\\w*|punt|punting)(?: it| this(?: one)?| the ticket| the case)? (?:over |up |off )?to (?:the |a |our |their )?(?:vendor|isp|carrier|manufacturer|oem|microsoft|ms|premier|tier|level|l2|l3|t2|t3|specialist|network|networking|security|infra|infrastructure|noc|soc|senior|engineering|ops|projects?)",
    "(?:vendor|isp|carrier|microsoft|ms|tier \\w+|l2|l3|t2|t3|noc|soc|specialist|engineering|networking) (?:is |s |has )?(?:on it|got it|has it|owns it|is handling it|handling it)",
    "(?:vendor|isp|carrier|microsoft|ms|premier support|support|tier \\w+|l2|l3|t2|t3|team|noc|soc|specialist|engineering|they|he|she) (?:is |are |s |has |have )?(?:taking|taken|take|takes|owns|own|picks|picking|picked|has) (?:it|this|over|the ticket|the case)(?: up| over| now| from here)?",
    "(?:kick|kicking|kicked|send|sending|sent|bump|bumping|bumped|push|pushing|pushed|move|moving) (?:it |this |this one )?upstairs",
    "upstairs",
    "(?:above|over|beyond) (?:my|our) (?:pay grade|head|heads)",
    "(?:out of|outta) (?:our|my) hands",
    "in (?:the )?(?:\\w+ )?(?:court|hands) now",
    "(?:in|into) (?:the )?(?:vendor|vendors|carrier|carriers|isp|isps|microsoft|dell|manufacturer)s? (?:court|hands)",
    "(?:ball|ball is|ball s) in (?:the )?\\w+ court",
    "has the ball",
    "over the wall",
    "(?:it is |its |that is |thats )?(?:with|on) (?:the )?(?:carrier|isp|vendor|manufacturer|oem|provider|telco|microsoft|dell|hp|cisco|fortinet|sophos|datto|comcast|spectrum|verizon|at ?t|att)(?: now| side)?",
    "(?:it is|its|it s) (?:\\w+ )?(?:problem|issue|baby|call) now",
    "(?:owns|own|has|have|got|is on|are on|are handling|is handling|handling) it now",
    "(?:rolling|sending|dispatching|dispatched) a (?:truck|tech|technician|engineer)",
    "(?:opened|open|opening|raised|raise|raising|logged|log) (?:a |the )?(?:case|ticket|support case|sr|support ticket) with",
    "handing (?:it |this )?(?:off|over|to)",
    "sending it up",
    "(?:needs|need) to (?:look at|check|fix|handle) (?:it |this )?(?:on )?their (?:side|end)",
  )})(?= )`,
);
const ESCALATION_DOUBT =
  /\b(?:not|never|no need to|before|until|if|whether|might|may|maybe|should we|do we|hopefully|avoid|without)(?: \w+){0,2} $/;

function stated(text: string, pattern: RegExp, doubt: RegExp): boolean {
  const padded = ` ${text.trim()} `;
  const global = new RegExp(pattern.source, "g");
  for (const match of padded.matchAll(global)) {
    if (!doubt.test(padded.slice(0, match.index + 1))) return true;
  }
  return false;
}

/** resolution / escalation when the text states it; null for an ordinary update or when unclear. */
export function detectContext(text: string): UpdateContextKind | null {
  const resolution = stated(text, RESOLUTION, RESOLUTION_DOUBT);
  const escalation = stated(text, ESCALATION, ESCALATION_DOUBT);
  if (resolution && !escalation) return "resolution";
  if (escalation && !resolution) return "escalation";
  return null;
}
