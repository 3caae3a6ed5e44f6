/**
 * Word lists the intent rules are built from. Regex fragments are written for
 * the normalised clause form: lower case, contractions expanded ("do not",
 * "we are"), punctuation removed, words separated by single spaces, and a
 * client/company name outside this vocabulary replaced by `_name_`.
 */

/**
 * Joins alternatives into a non-capturing regex group, longest first, so a
 * match followed by a lookahead takes "ticket notes" rather than "ticket".
 */
export const alt = (...parts: string[]) => `(?:${[...parts].sort((a, b) => b.length - a.length).join("|")})`;

/** Words that open a clause without changing its meaning ("ok so", "hey flowpilot", "please"). */
export const FILLER = alt(
  "hey",
  "hi",
  "hello",
  "yo",
  "ok",
  "okay",
  "k",
  "so",
  "alright",
  "right",
  "cool",
  "great",
  "awesome",
  "perfect",
  "nice",
  "thanks",
  "thank you",
  "thx",
  "ty",
  "um",
  "uh",
  "hmm",
  "oh",
  "btw",
  "please",
  "pls",
  "plz",
  "kindly",
  "flowpilot",
  "bot",
  "fp",
  "now",
  "and",
  "also",
  "then",
  "just",
  "actually",
  "anyway",
  "ok then",
);

/** Determiners in front of a deliverable ("a quick update", "the ticket note", "one more summary"). */
export const DET = alt(
  "the",
  "a",
  "an",
  "my",
  "our",
  "your",
  "some",
  "another",
  "one more",
  "this",
  "that",
  "any",
  "a new",
);

/** Quick-length words. */
export const QUICK_WORDS = alt(
  "quick",
  "quickie",
  "short",
  "shorter",
  "brief",
  "concise",
  "succinct",
  "tldr",
  "one liner",
  "oneliner",
  "one line",
  "1 liner",
  "1 line",
  "single line",
  "(?:one|two|three|1|2|3) (?:sentence|line)",
  "high level",
  "snappy",
  "short and sweet",
  "quick and dirty",
  "nice and short",
  "quick and simple",
  "bite sized",
);

/** Detailed-length words. */
export const DETAILED_WORDS = alt(
  "detailed",
  "full",
  "thorough",
  "comprehensive",
  "in depth",
  "indepth",
  "complete",
  "extensive",
  "exhaustive",
  "long",
  "longer",
  "lengthy",
  "verbose",
  "step by step",
  "itemized",
  "itemised",
  "deep dive",
  "blow by blow",
);

/** People outside the MSP who receive client updates. */
export const CLIENT_PERSON = alt(
  "(?:the |our |their |a |this )?(?:client|customer|user) portal",
  "(?:the |our |my |their |this )?(?:client|clients|customer|customers|end user|end users|enduser|user|users|contact|requester|requestor|caller|business owner|office manager|practice manager|site contact|poc|point of contact|account|company|business)",
  "them",
  "him",
  "her",
  "_name_(?: _name_)*",
  "(?:the )?_name_(?: _name_)*(?: team| folks| people| office| staff)",
);

/** Places an internal note goes to. */
export const TICKET_DEST = alt(
  "(?:the |this |our )?(?:ticket notes|ticket note|internal notes|internal note|service ticket|time entry|connect wise|ticket|tickets|psa|connectwise|cw|autotask|halopsa|halo|servicenow|zendesk|notes|documentation|docs|case|record)",
);

/** Internal recipients of a handoff: they imply escalation and ticket notes. */
export const HANDOFF_DEST = alt(
  "(?:the )?(?:tier|level|t|l) ?(?:2|3|two|three|ii|iii)(?: team| tech| engineer| engineers| folks| support)?",
  "(?:the )?(?:second|third|2nd|3rd) line(?: team| support)?",
  "(?:a |the )?(?:specialist|specialists|escalation team|senior tech|senior engineer|next shift|night shift|next tech|next engineer|on call|oncall|on call tech|noc|soc|network team|security team|project team|dispatch|dispatcher|service desk|helpdesk|help desk)",
);

/** Internal readers that are neither the client nor the ticket: the audience stays open. */
export const OTHER_INTERNAL = alt(
  "(?:my |our |the )?(?:manager|boss|lead|team lead|supervisor|team|service manager|account manager|vcio|cto|ceo|owner|sales)",
  "me",
  "us",
);

/** Anyone or anywhere an update can be for: "for the client", "into ConnectWise", "to tier 3", "as an email". */
export const AUDIENCE_PHRASE = alt(
  CLIENT_PERSON,
  TICKET_DEST,
  HANDOFF_DEST,
  OTHER_INTERNAL,
  "(?:an? |the |their |his |her )?(?:email|mail|inbox)",
  "(?:the )?(?:client|customer) portal",
);

/** Nouns that can modify a deliverable ("client update", "ticket note", "status email"). */
export const DELIVERABLE_MODIFIERS = alt(
  QUICK_WORDS,
  DETAILED_WORDS,
  "status",
  "progress",
  "client",
  "customer",
  "client facing",
  "customer facing",
  "client ready",
  "customer ready",
  "ticket ready",
  "psa ready",
  "end user",
  "user",
  "ticket",
  "internal",
  "psa",
  "connectwise",
  "cw",
  "email",
  "mail",
  "e mail",
  "resolution",
  "escalation",
  "handoff",
  "hand off",
  "handover",
  "hand over",
  "closing",
  "closure",
  "close out",
  "final",
  "written",
  "new",
  "fresh",
  "proper",
  "little",
  "formal",
  "professional",
  "friendly",
  "polite",
  "non technical",
  "nontechnical",
  "technical",
  "plain english",
  "plain",
  "simple",
  "clean",
  "mid session",
  "interim",
  "current",
  "eod",
  "end of day",
  "daily",
  "shift",
  "incident",
  "outage",
  "summary",
  "update",
  "portal",
  "tier ?(?:2|3|two|three)",
  "_name_",
);

/** Deliverables FlowPilot writes; "weak" ones need more support to count as a request. */
export const STRONG_HEADS = alt(
  "(?:quick|short|brief|detailed|full|long|proper|little) one",
  "status update",
  "status updates",
  "update",
  "updates",
  "summary",
  "summaries",
  "recap",
  "writeup",
  "write up",
  "sitrep",
  "rundown",
  "run down",
  "tldr",
  "one liner",
  "oneliner",
  "breakdown",
  "overview",
  "progress report",
  "progress update",
  "status report",
  "ticket note",
  "ticket notes",
  "handoff",
  "hand off",
  "handover",
  "wrap up",
  "wrapup",
  "debrief",
  "briefing",
);
export const WEAK_HEADS = alt(
  "note",
  "notes",
  "email",
  "emails",
  "mail",
  "draft",
  "message",
  "report",
  "blurb",
  "status",
  "progress",
  "comms",
  "communication",
  "reply",
  "response",
  "paragraph",
  "entry",
  "heads up",
);

/** Verbs that ask for a deliverable: "give me an update", "draft an email", "can I get a note". */
export const REQUEST_VERBS = alt(
  "give",
  "gimme",
  "get",
  "write",
  "write up",
  "type up",
  "pop",
  "stick",
  "throw",
  "chuck",
  "slap",
  "put",
  "word",
  "phrase",
  "draft",
  "prepare",
  "prep",
  "put together",
  "pull together",
  "compose",
  "make",
  "create",
  "generate",
  "produce",
  "do",
  "share",
  "send",
  "send out",
  "post",
  "add",
  "drop",
  "leave",
  "type up",
  "type",
  "knock out",
  "whip up",
  "throw together",
  "need",
  "want",
  "have",
  "log",
  "enter",
  "provide",
  "shoot",
  "fire off",
  "craft",
  "build",
  "spin up",
  "put out",
  "come up with",
  "help me with",
  "help with",
  "start",
);

/** Verbs whose object is the session itself: "summarize progress", "write up the resolution". */
export const SESSION_VERBS = alt(
  "summarize",
  "summarise",
  "sum up",
  "recap",
  "write up",
  "document",
  "wrap up",
  "debrief",
  "outline",
  "capture",
  "log",
  "jot down",
  "note down",
  "write down",
);

/** What a session verb can take as its object. */
export const SESSION_OBJECTS = alt(
  "progress",
  "(?:the |our |current )?status",
  "this",
  "this one",
  "this ticket",
  "this issue",
  "it",
  "things",
  "everything (?:we|i) (?:have |had )?(?:tried|done|did|checked|found|looked at|ruled out)(?: so far)?",
  "everything",
  "all this",
  "all of this",
  "where we are(?: at)?",
  "where things (?:are|stand)",
  "what we (?:have |did )?(?:done|did|tried|found|checked|learned)(?: so far)?",
  "what (?:fixed|solved|resolved|caused) (?:it|this|the issue|the problem)",
  "how we (?:fixed|solved|resolved) (?:it|this)",
  "what happened",
  "what we did",
  "(?:the |this |our |today |todays |this morning |this afternoon )?(?:session|troubleshooting|work|progress|issue|problem|ticket|case|incident|outage|fix|resolution|escalation|handoff|findings|steps|steps taken|situation|investigation|diagnosis|root cause|state of play)",
  "today",
  "so far",
);

/** Verbs that address a person directly: "tell the client", "let them know", "email the customer". */
export const TELL_VERBS = alt(
  "tell",
  "inform",
  "notify",
  "update",
  "email",
  "mail",
  "message",
  "text",
  "ping",
  "brief",
  "advise",
  "reply to",
  "respond to",
  "write to",
  "get back to",
  "reach out to",
  "follow up with",
  "check in with",
);

/** Things engineers do to systems, never status updates ("update the DNS record"). */
export const TECH_OBJECT_WORDS = new Set([
  "server",
  "servers",
  "machine",
  "machines",
  "workstation",
  "workstations",
  "pc",
  "pcs",
  "laptop",
  "laptops",
  "device",
  "devices",
  "endpoint",
  "endpoints",
  "firewall",
  "router",
  "switch",
  "all",
  "everyone",
  "dns",
  "record",
  "records",
  "driver",
  "drivers",
  "firmware",
  "bios",
  "agent",
  "agents",
  "policy",
  "gpo",
  "group",
  "license",
  "certificate",
  "cert",
  "password",
  "config",
  "settings",
  "folder",
  "share",
  "repo",
  "fleet",
  "tenant",
  "domain",
  "mailbox",
  "vm",
  "vms",
  "cluster",
  "host",
  "hosts",
]);

/** Capitalised words that are products or calendar words, not a client's name. */
export const NOT_NAMES = new Set(
  (
    "i windows outlook exchange office microsoft azure entra onedrive sharepoint teams intune defender chrome edge firefox " +
    "mac macos ios ipados android linux ubuntu debian cisco meraki fortinet fortigate sonicwall ubiquiti unifi datto kaseya " +
    "ninja ninjaone nable n-able veeam vmware hyper hyperv dell hp lenovo apple google gmail workspace zoom slack quickbooks " +
    "citrix sophos sentinelone huntress duo okta autotask connectwise halo halopsa zendesk servicenow jira confluence " +
    "ad adsync dropbox box adobe acrobat java python powershell cmd bitlocker wifi wi fi vpn rdp mfa dns dhcp smtp imap " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today tomorrow yesterday tonight flowpilot psa tier level it ok okay hey " +
    "please pls thanks can could would will should what where when why how who is are do does did have has need " +
    "quick brief short detailed full thorough email mail client customer ticket note notes update status summary " +
    "kb eol eod asap fyi btw tl dr group policy active directory domain admin admins server servers online " +
    "security firewall printer desktop remote settings control panel task manager scheduler event viewer " +
    "device registry explorer word excel powerpoint onenote access visio project global address list " +
    "console portal center centre manager service services update updates store app apps cloud backup " +
    "sync print spooler network wireless ethernet switch router gateway mailbox calendar contacts drive " +
    "file files folder share shared documents downloads bios uefi secure boot windows10 windows11 pro " +
    "enterprise home edition home business premium basic standard plan license licence tenant"
  ).split(" "),
);
