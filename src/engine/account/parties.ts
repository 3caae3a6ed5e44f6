import type { SessionSnapshot } from "../types.ts";
import type { WaitParty } from "./acts.ts";

/** Who a name in the thread belongs to: the client's side, a vendor, or our own people. */
export type Side = Exclude<WaitParty, "process">;

/**
 * Words that mark the other party of a sentence. Generic roles, not names:
 * a name is sided by the words it stands beside (see `sessionParties`).
 */
export const VENDOR_WORDS =
  // "graham's at a supplier in germany": where someone is, not who they are.
  /\b(?<!\b(?:at|visiting|with|to) (?:a|the|their|our) )(?:vendor|carrier|isp|supplier|manufacturer|reseller|distributor|landlord|agency|support (?:case|ticket|line)|prosupport|noc|hotfix|rma|warranty|tier ?[12]\b|t[12]\b|their (?:side|end|tech|engineers?|noc|support|tac|provisioning|l[23]|tier ?[23]|escalations?|dev(?:elopers|s)?|backend|product team)|(?:tech|technician|engineer) (?:visit|dispatched|is coming|coming out)|dispatched|courier|waybill|(?:the |replacement )(?:part|disk|drive|unit|psu|battery|board)s? (?:lands?|arrives?|turns? up|is here|comes?)|known (?:issue|bug|regression)|fix ships|firmware \S+ (?:with|ships)|their (?:trace|ticket|case)|\d+(?:\.\d+)+ (?:lands|ships|is out|comes out|is released))/i;

export const INTERNAL_WORDS =
  /(?:<@[A-Z0-9]+(?:\|[^>]*)?>|<#[A-Z0-9]+(?:\|[^>]*)?>|\b(?:our (?:\w+ )?(?:team|rule|policy|lead|manager|noc|approval|pipeline|senior|engineers?)|internal|colleague|tier ?3|t3\b|l3\b|secops|netops|devops|on-?call|security lead|team lead|service desk manager|change board|cab\b|pipeline|pull request|\bpr ?#?\d+|approver|second pair of eyes|handing (?:it |this )?(?:over )?to|handed (?:it |this )?(?:over )?to))/i;

/** "Darren (Axiom): …", "Joe: …": who a relayed line is from, with the organisation they speak for, if named. */
const SPEAKER = /^\s*[\w .'-]{1,40}?\s*(\([^)]{1,40}\))?\s*:\s*/;

/** Where a relayed line's own words start, and whether its speaker is named with an organisation. */
export function speakerLead(text: string): { end: number; forOrganisation: boolean } | null {
  const m = SPEAKER.exec(text);
  return m ? { end: m[0].length, forOrganisation: m[1] !== undefined } : null;
}

/** "(that's us)": the engineer marking a name or an account as one of ours. */
const OURS_MARK = /\((?:that'?s|thats|it'?s|its) (?:us|ours|one of ours)\)/i;

export const CLIENT_WORDS =
  /\b(?:the client|client to|the customer|their (?:staff|team|office|users?|manager|boss|it contact|office manager|owner|director)|office manager|practice manager|the owner|the user|users? to|staff to|her boss|his boss|the office|front desk|reception)\b/i;

/** Something that finishes by itself: a job, a sync, a rebuild, a copy, a run, time passing. */
export const PROCESS_WORDS =
  /\b(?:finish\w*|complet\w*|catch(?:es|ing)? up|rebuild\w*|resync\w*|re-?sync\w*|sync(?:s|ing|ed)?|propagat\w*|replicat\w*|upload\w*|download\w*|copy(?:ing)?|restor(?:e|es|ing)|scan(?:s|ning)?|settl\w*|trickl\w*|check(?:s|ing)? in|wake|waking|install(?:s|ing)|reboot(?:s|ing)|run(?:s|ning)?|backlog|\d+\s?%|monitor\w*|watch(?:ing)?|overnight|tonight'?s|job|take effect|kicks? in|ttl|expire|show up|appear|pick(?:s|ing)? (?:it |them )?up|apply(?:ing)?|applies|move will|will take|takes? (?:a|an|about|around|~)? ?(?:\d+|a few|an?|couple)|burn-?in|soak)\b/i;

const COMMS_VERBS =
  "(?:told|sent|messaged|emailed|texted|called|rang|updated|asked|whatsapp'?d|phoned|reminded|cc'?d)";

/** Companies MSP engineers wait on every week: carriers, hardware and software vendors, distributors. */
const KNOWN_VENDORS =
  /\b(?:microsoft|ms|dell|hpe?|lenovo|cisco|meraki|fortinet|fortiguard|sonicwall|sophos|ubiquiti|aruba|juniper|palo alto|comcast|at&t|verizon|t-mobile|frontier|spectrum|charter|cox|centurylink|lumen|bt|openreach|virgin|vodafone|ricoh|canon|xerox|konica|kyocera|brother|epson|apple|google|amazon|aws|godaddy|backblaze|wasabi|zoom|ringcentral|yealink|polycom|mitel|synology|qnap|wd|western digital|seagate|intuit|sage|adobe|dropbox|okta|duo|mimecast|proofpoint|sentinelone|crowdstrike|bitdefender|webroot|eset|pax8|ingram|td synnex|autodesk|godaddy|cloudflare|ionos|123-reg)\b/gi;

const NOT_NAMES = new Set(
  "january february march april june july august september october november december the a an and or but so if it its this that these those there then than when while with without for from into onto to of on in at by as is are was were be been being i we you he she they them his her him their our my me us your all any some no not yes ok okay hi hello hey thanks thank please also still just only now today tomorrow tonight yesterday monday tuesday wednesday thursday friday saturday sunday phone email mail tech printer customer premium priority remote onsite desk helpdesk service provider network server cloud jan feb mar apr may jun jul aug sep oct nov dec next last new old same other each every both done sent told called pinged waiting wait until til till once after before back up down out over under again ticket case client user users staff team vendor support tier worst best use test edge open closed raised logged which what any either neither cold hot ap previous current former latest quote quotes so".split(
    " ",
  ),
);

// Cheap tests that let most lines skip the name patterns: a capital inside the line or a vendor cue word,
// a word for writing to someone, an awaited answer.
const ORG_HINT =
  /\S\s+[A-Z]|\b(?:support|prosupport|tier|noc|tac|engineer|technician|tech|case|ticket|hotfix|firmware|rep|account (?:manager|mgr)|acct mgr|came back|called back)\b/i;
const COMMS_HINT =
  /\b(?:told|sent|messaged|emailed|texted|called|rang|updated|asked|whatsapp|phoned|reminded|cc)/i;
const AWAITED_HINT =
  /'s |['’]s (?:ok|approval)|approves|confirms|signs|says|replies|answers|gets back|calls|is back|ok'?s\b/i;

export interface SessionParties {
  /** The side of a name (lower case), when the thread shows one. */
  sideOf(name: string): Side | undefined;
  /** The name is a person's, not an organisation's (a vendor, the client's company). */
  isPerson(name: string): boolean;
  /** Every name known, longest first, for finding them in a text. */
  names: readonly string[];
  /** The names a text holds, in the order they appear. */
  namesIn(text: string): string[];
}

const lower = (s: string) => s.toLowerCase();
const nameTokens = (s: string | undefined) =>
  (s ?? "")
    .split(/[^\p{L}'-]+/u)
    .map(lower)
    .filter(
      (t) =>
        t.length > 1 && !NOT_NAMES.has(t) && !/^(?:dr|mr|mrs|ms|inc|ltd|llc|llp|group|the|and|co)$/.test(t),
    );

/**
 * The people and organisations a thread names, each put on a side by the
 * words around it: the ticket's contact and company are the client; "X
 * support", "case with X", "X tier 2" a vendor; a mention, "our", a queue
 * or a pipeline our own people. A name the engineer only writes to ("told
 * Derek") is the client's unless something else sides it.
 */
export function sessionParties(session: SessionSnapshot, texts: readonly string[]): SessionParties {
  const votes = new Map<string, Record<Side, number>>();
  const organisations = new Set<string>();
  const organisation = (name: string) => organisations.add(lower(name));
  const vote = (name: string, side: Side, weight = 1) => {
    const key = lower(name);
    // Our own tiers ("escalated to T3") are sided by INTERNAL_WORDS, never registered as a vendor's name.
    if (key.length < 2 || NOT_NAMES.has(key) || /^(?:t|l|tier)\d$/.test(key)) return;
    const v = votes.get(key) ?? { client: 0, vendor: 0, internal: 0 };
    v[side] += weight;
    votes.set(key, v);
  };
  for (const t of nameTokens(session.ticket.contact)) {
    vote(t, "client", 5);
  }
  for (const t of nameTokens(session.ticket.company)) {
    vote(t, "client", 5);
    organisation(t);
  }
  for (const t of nameTokens(session.engineer.name)) {
    vote(t, "internal", 5);
  }
  // "Tessa Quinn: Dawn has to run payroll by Thursday": people the client names in their own messages are theirs.
  // A message relayed from someone else ("Darren (Axiom): …") speaks for them, not for the client.
  for (const m of session.messages)
    if (m.author === "client" && !speakerLead(m.text)?.forOrganisation)
      for (const n of m.text.matchAll(/\b([A-Z][a-z]{2,})\b/g)) vote(n[1]!, "client", 1);

  // Each name pattern with the cue word it needs: most lines hold none, and testing for it is cheap.
  const vendorOrg: [RegExp, RegExp][] = [
    [
      /\b(?:case|ticket|call|chat|escalat\w*) (?:with|to) ([A-Z][\w&.-]+)/g,
      /\b(?:case|ticket|call|chat|escalat)/i,
    ],
    [
      /\b([A-Za-z][\w&.-]+)(?:'s)?(?: business| customer| technical| tech)? (?:support|prosupport|[Tt]ier ?\d|T[12]\b|NOC|noc|TAC|engineer|technician|tech\b|case|ticket|hotfix|firmware|rep\b|account manager|came back|called back)/g,
      /\b(?:support|prosupport|tier|t[12]\b|noc|tac|engineer|technician|tech\b|case|ticket|hotfix|firmware|rep\b|account manager|came back|called back)/i,
    ],
    [/\bwith ([A-Z][\w&.-]+) (?:support|now)\b/g, /\bwith\b/],
  ];
  // "Tom at Kestrel", "Kestrel Web Design": an outside company, unless it is the client's own.
  const outsideOrg = [
    /\b[A-Z][a-z]+ (?:at|from) ([A-Z][\w&.-]+)/g,
    /\b([A-Z][\w&.-]+) (?:Web|Digital|Design|Solutions|Systems|Networks|Telecom|Communications|Media|Agency|Technologies|Software|Hosting|Voice)\b/g,
  ];
  const personAtOrg = /\b([A-Z][a-z]+) (?:at|from) [A-Z][\w&.-]+/g;
  // Each with the cue word it needs, as for vendorOrg.
  const ACCOUNT_MANAGER = /\b(?:account (?:mgr|manager)|acct mgr|sales rep)\b/i;
  const personAtVendor: [RegExp, RegExp][] = [
    [/\b(?:tier ?\d|t[12]|l[12]|support|noc|tac|engineer|tech|rep)\s*\(([A-Z][a-z]+)\)/gi, /\(/],
    // "rang axiom, account mgr darren": a supplier's account manager
    [/\b(?:account (?:mgr|manager)|acct mgr|sales rep)\s+([A-Za-z][a-z]+)\b/gi, ACCOUNT_MANAGER],
    [
      /\b(?:rang|called|phoned|emailed)\s+([A-Za-z][\w&.-]+),?\s+(?:their\s+)?(?:account (?:mgr|manager)|acct mgr|sales rep)\b/gi,
      ACCOUNT_MANAGER,
    ],
    [/\b([A-Z][a-z]+) (?:from|at) [A-Z][\w&.-]+ (?:support|tier|noc)/g, /\b(?:from|at) [A-Z]/],
  ];
  // "need Derek's approval", "til Faith approves": the one an approval or an answer waits for.
  const awaited = [
    /\b([A-Z][a-z]+)['’]s (?:ok|okay|approval|go-?ahead|sign-?off|answer|reply|decision)\b/g,
    /\b(?:until|til+|till|once|when|for|from|on) ([A-Za-z][a-z]+)(?:'s (?:out|back|free|done)| (?:approves|confirms|signs|says|replies|answers|gets back|calls|is back|ok'?s))\b/g,
  ];
  const ourPeople = [
    /\b([A-Za-z][a-z]+) (?:has|is|'s) (?:[\w-]+ ){0,5}(?:at|in|on) our (?:office|bench|workshop|lab)\b/g,
    /\bour (?:tech|engineer|apprentice|colleague) ([A-Z][a-z]+)\b/gi,
    // "removed 01/03 by jamie.walsh@ (that's us)": an account of ours.
    new RegExp(String.raw`\b([A-Za-z][a-z]+)(?:\.[a-z]+)?@?\S*\s*${OURS_MARK.source}`, "gi"),
  ];
  const comms = new RegExp(`\\b${COMMS_VERBS}\\s+(?:dr\\.?\\s+)?([A-Za-z][\\w'-]+)`, "gi");
  const greeting = /^\s*['"‘“]?(?:hi|hello|hey|dear|morning|afternoon)\s+([A-Z][\w'-]+)/i;
  for (const text of texts)
    for (const m of text.matchAll(KNOWN_VENDORS)) {
      vote(m[0], "vendor", 3);
      organisation(m[0]);
    }
  // A colleague @-mentioned in the thread is one of ours.
  for (const text of texts) for (const m of text.matchAll(/<@[A-Z0-9]+/g)) vote(m[0], "internal", 3);
  for (const text of texts) {
    const internal = INTERNAL_WORDS.test(text) && !VENDOR_WORDS.test(text);
    if (ORG_HINT.test(text)) sideOrganisations(text);
    if (COMMS_HINT.test(text))
      for (const m of text.matchAll(comms)) vote(m[1]!, internal ? "internal" : "client", internal ? 2 : 1);
    if (AWAITED_HINT.test(text))
      for (const re of awaited)
        for (const m of text.matchAll(re)) vote(m[1]!, internal ? "internal" : "client", 1);
    // "aoife has them on the bench at our office", "our tech Sam": one of ours by where or what they are.
    if (
      /\bour (?:office|bench|workshop|lab|tech|engineer|apprentice|colleague)\b/i.test(text) ||
      OURS_MARK.test(text)
    )
      for (const re of ourPeople) for (const m of text.matchAll(re)) vote(m[1]!, "internal", 2);
    const hi = greeting.exec(text);
    if (hi) vote(hi[1]!, "client", 2);
    // "submitted it to Dana in the SecOps queue", "our rule is Colm signs off": names beside our own people's words.
    if (internal) for (const m of text.matchAll(/(?<=\S\s+)([A-Z][a-z]{2,})\b/g)) vote(m[1]!, "internal", 2);
    // "goes via Renee before it goes to the client": a name set against the client is not the client's.
    if (/\b(?:before|then) (?:it )?(?:goes )?to the client\b/i.test(text))
      for (const m of text.matchAll(/\b(?:via|by|from|to) ([A-Za-z][a-z]{2,})\b/g))
        vote(m[1]!, "internal", 3);
  }

  function sideOrganisations(text: string): void {
    for (const [re, cue] of vendorOrg) {
      if (!cue.test(text)) continue;
      for (const m of text.matchAll(re)) {
        vote(m[1]!, "vendor", 2);
        organisation(m[1]!);
      }
    }
    for (const re of outsideOrg)
      for (const m of text.matchAll(re)) {
        vote(m[1]!, "vendor", 1);
        organisation(m[1]!);
      }
    for (const m of text.matchAll(personAtOrg)) {
      const org = /(?:at|from) ([A-Z][\w&.-]+)/.exec(m[0])![1]!;
      if (!votes.get(lower(org))?.client) vote(m[1]!, "vendor", 2);
    }
    for (const [re, cue] of personAtVendor)
      if (cue.test(text)) for (const m of text.matchAll(re)) vote(m[1]!, "vendor", 2);
  }
  const sides = new Map<string, Side>();
  for (const [name, v] of votes) {
    const best = (Object.keys(v) as Side[]).sort((a, b) => v[b] - v[a])[0]!;
    if (v[best] > 0) sides.set(name, best);
  }
  const names = [...sides.keys()].sort((a, b) => b.length - a.length);
  return {
    sideOf: (name) => sides.get(lower(name)),
    isPerson: (name) => !organisations.has(lower(name)),
    names,
    namesIn: namesFinder(names),
  };
}

/** The names of `parties` a text holds, in the order they appear. */
export function namesIn(text: string, parties: SessionParties): string[] {
  return parties.namesIn(text);
}

/** One pattern for every name, longest first; not inside a host name or an address ("fw01.brightline.local"). */
function namesFinder(names: readonly string[]): (text: string) => string[] {
  if (names.length === 0) return () => [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\d.@-])(?:${names.map(escapeRegExp).join("|")})(?![\\p{L}\\d]|\\.\\w)`,
    "gu",
  );
  const seen = new Map<string, string[]>();
  return (text) => {
    const known = seen.get(text);
    if (known) return known;
    const found = [...new Set([...lower(text).matchAll(pattern)].map((m) => m[0]))];
    seen.set(text, found);
    return found;
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
