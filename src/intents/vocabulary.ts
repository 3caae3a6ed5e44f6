/**
 * The one list of domain words the recognizer knows, by class. The pre-filter
 * lets through every word here, the typo corrector maps unknown tokens only to
 * words here, the model reads each word's class as a feature, and the rules'
 * grammar (lexicon.ts) uses no domain word that is missing here (a test checks).
 * Words are in the normalised form: lower case, no punctuation.
 */
export const VOCABULARY = {
  /** What FlowPilot writes. */
  deliverable: [
    "update",
    "updates",
    "status",
    "summary",
    "summaries",
    "summarize",
    "summarise",
    "recap",
    "rundown",
    "sitrep",
    "writeup",
    "report",
    "overview",
    "breakdown",
    "debrief",
    "briefing",
    "handoff",
    "handover",
    "blurb",
    "gist",
    "story",
    "progress",
    "tldr",
    "wrapup",
    "note",
    "notes",
    "draft",
    "message",
    "comms",
    "communication",
    "paragraph",
    "entry",
    "wording",
    "lowdown",
    "digest",
    "synopsis",
    "recount",
    "narrative",
    "explanation",
    "reply",
    "response",
    "version",
    "words",
  ],
  /** People at the client. */
  client: [
    "client",
    "clients",
    "customer",
    "customers",
    "user",
    "users",
    "enduser",
    "contact",
    "requester",
    "requestor",
    "caller",
    "owner",
    "stakeholder",
    "stakeholders",
    "staff",
    "portal",
    "_name_",
  ],
  /** Where internal notes go and who reads them. */
  ticket: [
    "ticket",
    "tickets",
    "psa",
    "cw",
    "connectwise",
    "autotask",
    "halo",
    "halopsa",
    "servicenow",
    "zendesk",
    "internal",
    "documentation",
    "docs",
    "timesheet",
    "case",
  ],
  /** Whoever takes the work over: a handoff reads as escalation. */
  handoff: [
    "tier",
    "escalate",
    "escalated",
    "escalating",
    "escalation",
    "specialist",
    "specialists",
    "vendor",
    "isp",
    "noc",
    "soc",
    "oncall",
  ],
  email: ["email", "emails", "mail", "inbox"],
  quick: [
    "quick",
    "quickie",
    "short",
    "shorter",
    "brief",
    "briefly",
    "concise",
    "succinct",
    "oneliner",
    "snappy",
    "couple",
    "sentences",
    "gist",
    "tldr",
  ],
  detailed: [
    "detailed",
    "detail",
    "details",
    "full",
    "thorough",
    "thoroughly",
    "comprehensive",
    "complete",
    "extensive",
    "exhaustive",
    "indepth",
    "long",
    "longer",
    "lengthy",
    "verbose",
    "itemized",
    "itemised",
    "every",
  ],
  /** Verbs that ask for something to be written. */
  request: [
    "give",
    "gimme",
    "write",
    "draft",
    "prepare",
    "prep",
    "compose",
    "generate",
    "produce",
    "create",
    "send",
    "post",
    "share",
    "need",
    "want",
    "craft",
    "whip",
    "knock",
    "type",
    "jot",
    "put",
    "pull",
    "throw",
    "make",
    "fill",
    "turn",
    "provide",
  ],
  /** Verbs whose object is the session: "summarize where we are". */
  session: ["summarize", "summarise", "sum", "recap", "document", "log", "capture", "outline", "wrap"],
  /** Verbs addressed to a reader: "tell the client", "loop in the owner". */
  tell: ["tell", "inform", "notify", "brief", "advise", "ping", "loop", "explain", "reassure"],
  /** Asking the bot: "can you", "pls". */
  ask: ["can", "could", "would", "will", "you", "please", "mind", "help"],
  negation: ["not", "never", "no", "without", "hold", "skip", "forget", "nothing", "wait"],
  /** Narration of what already happened: "I sent the client an update yesterday". */
  past: [
    "already",
    "sent",
    "told",
    "wrote",
    "emailed",
    "updated",
    "posted",
    "yesterday",
    "earlier",
    "asked",
    "said",
    "replied",
    "mentioned",
    "got",
  ],
  /** Systems, where "update" is a patch and "status" a state. */
  tech: [
    "windows",
    "patch",
    "patches",
    "patching",
    "firmware",
    "driver",
    "drivers",
    "kb",
    "install",
    "installed",
    "installing",
    "pending",
    "reboot",
    "server",
    "bios",
    "agent",
    "dns",
    "record",
    "queue",
    "bouncing",
    "spam",
    "mailbox",
    "outlook",
    "printer",
    "policy",
    "service",
    "port",
    "led",
    "code",
    "link",
  ],
  resolved: ["fixed", "resolved", "sorted", "solved", "working", "closing", "close", "closed", "done"],
} as const satisfies Record<string, readonly string[]>;

export type WordClass = keyof typeof VOCABULARY;

const CLASS_OF = new Map<string, WordClass[]>();
for (const [cls, words] of Object.entries(VOCABULARY) as [WordClass, readonly string[]][]) {
  for (const word of words) CLASS_OF.set(word, [...(CLASS_OF.get(word) ?? []), cls]);
}

/** The classes a normalised word belongs to (empty for words outside the vocabulary). */
export function classesOf(word: string): readonly WordClass[] {
  return CLASS_OF.get(word) ?? [];
}

function wordsOf(classes: readonly WordClass[]): string[] {
  return [...new Set(classes.flatMap((c) => VOCABULARY[c]))];
}

/** Every word of the vocabulary, once. */
export const DOMAIN_WORDS: ReadonlySet<string> = new Set(CLASS_OF.keys());

/** Classes without which no message asks for an update: the pre-filter lets any of them through. */
export const PREFILTER_WORDS: readonly string[] = wordsOf([
  "deliverable",
  "client",
  "ticket",
  "handoff",
  "email",
  "session",
  "tell",
]).filter((w) => w !== "_name_");

/**
 * Words worth correcting a typo towards: the request's own words, long enough
 * that one edit is a typo and not another word. Systems, narration and
 * function words are never targets.
 */
export const TYPO_TARGETS: readonly string[] = wordsOf([
  "deliverable",
  "client",
  "ticket",
  "handoff",
  "email",
  "quick",
  "detailed",
  "request",
  "session",
  "tell",
  "resolved",
]).filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
