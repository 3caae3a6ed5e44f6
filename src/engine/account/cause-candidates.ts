import { MARKER_PATTERN } from "../../secrets/index.ts";
import type { SessionSnapshot } from "../types.ts";
import type { Certainty, StatementAct } from "./acts.ts";
import { causeClause, isFragment, pointsBack } from "./cause-clause.ts";
import { speakerLead } from "./parties.ts";
import { HEDGED } from "./stage.ts";
import { quotedContent, quotesReply } from "./to-client.ts";

export interface CauseStatement {
  text: string;
  source: string;
  message: number;
  at: Date;
  author: "engineer" | "assistant" | "client";
  act: StatementAct;
  confidence: number;
  certainty: Certainty;
  negated: boolean;
  refersBack: boolean;
}

/** A statement that may name the cause, as a clean clause, with what the cause model weighs. */
export interface CauseCandidate {
  index: number;
  clause: string;
  /** The pointer after it that confirms it ("yep thats it", "bingo"). */
  confirmedBy?: number;
  /** Confirmed by a pointer, said outright, or the rules' diagnosis too. */
  firm: boolean;
  /** The engineer says outright that this is the cause ("Found it: …", "root cause: …", "we found why …"). */
  stated: boolean;
  features: string[];
}

// "yep thats it", "bingo", "there it is", "thats our symptom word for word": the statement before is the cause.
const CONFIRMS_BEFORE =
  /^\W*(?:(?:so\W+)?(?:(?:the\s+)?(?:root\s+)?cause\s+)?confirmed(?=\W*$)|(?:ok\W+)?(?:yep|yup|yes|bingo|boom|there it is|there (?:we|you) go|that'?s it|thats it|that'?s (?:the|our) (?:one|(?:root )?cause|problem|culprit|issue|symptom)|thats (?:the|our) \w+|that'?s us|thats us|that'?s ours|matches (?:ours|us|exactly)|found it|got it|that explains|which explains|explains (?:it|everything)|that'?s why))\b/i;
// A clause that says why: a cause word, a change that broke something, a limit reached.
const CAUSAL =
  /\b(?:because|bc|due to|caused|causing|(?:underlying|root|real) (?:problem|issue|cause)|the (?:problem|issue|cause) (?:is|was)|comes? from|came from|(?:is|was) down to|turned out|so (?:the|it|they|every|nothing|no|mail|uploads|callers|sign-?ins|users)|which is why|after (?:the|last|a|an|his|her|their|our)|expired|removed|deleted|dropped|blocked|blocks|blocking|filter(?:s|ed|ing)|missing|never|no longer|limit|quota|full|exhausted|suspended|broke|bug|regression|known issue|mismatch|doesn'?t match|don'?t match|not synced|isn'?t synced|turned (?:off|on)|wiped|overwr\w+|revoked|disabled|stuck|false positive|flag(?:s|ged)|quarantin\w+|phish\w*|compromis\w*|failed|fails|wrong(?!\s+(?:window|chat|ticket|tab|thread|channel|one))|incorrect(?:ly)?|mistaken(?:ly)?|by mistake|misconfigur\w*)\b/i;
// "thought i had it - smb1 - but the ricoh is already on SMB2/3", "was sure X - nope".
const TAKEN_BACK = /\b(?:thought|was sure|figured|assumed)\b.*\b(?:but|nope|wrong)\b/i;
// "first guess was marian's guest account is old and expired": a guess the engineer has moved on from.
const FORMER_GUESS =
  /^\W*(?:(?:my|the|our)\s+)?(?:first|initial|original|earlier)\s+(?:guess|thought|theory|hunch|idea)\s+was\b/i;
const JUST_A_GUESS =
  /^\W*(?:(?:just|only)\s+)?(?:guessing|a guess|speculating|not sure(?: tho(?:ugh)?)?|could be wrong)\b[^.]{0,20}$/i;
const SHORT_NO = /^\W*(?:so )?(?:no|nope|not it|not that|wrong|nah)\b/i;

/** The acts whose statement can name what went wrong; every other act (done, asked, waited, chat, …) cannot. */
const MAY_NAME_A_CAUSE: ReadonlySet<StatementAct> = new Set(["symptom", "finding", "hypothesis", "cause"]);

const EXPLAINS = /\b(?:because|bc|cos|due to|caused by|which is why|that'?s why|thats why)\b/i;

/** Lines that say something other than what broke, whatever cause words they hold. */
const NEVER_A_CAUSE: readonly RegExp[] = [
  // "yep thats the plan": agreeing to a step.
  /\b(?:that'?s|thats|sounds like) (?:the|a|our|my) (?:plan|idea|approach|option|way|next step)\b/i,
  // "Workshop and Sales look normal because they always inherited": why something is fine.
  /\b(?:(?:looks?|is|are|seems?|stays?|stayed|was|were)\s+(?:normal|fine|ok|okay|good|unaffected|untouched)|works?|working)\b[^.]*\b(?:because|bc|since|as)\b/i,
  // "the samsungs are on a DeviceType allow rule, thats why theyre fine": why something else is fine.
  /\b(?:that'?s|thats|which is|is) why\s+(?:\w+\s+){0,3}?(?:(?:is|are|was|were|'s|'re)\s+|(?:it|they|he|she|we)(?:'?s|'?re)\s+|its\s+|theyre\s+)(?:still\s+)?(?:normal|fine|ok|okay|good|unaffected|working|not affected)\b/i,
  // "while im here, root spf: …", "btw": something else noticed on the way.
  /^\W*(?:while (?:i'?m|im|we'?re) (?:here|in there|at it)|btw|by the way|side ?note|unrelated|also noticed|fyi)\b/i,
  // "Raised TKT-73580: enrol new iphone, …": bookkeeping about follow-up work.
  /^\W*(?:raised|logged|opened|created)\s+(?:a\s+)?(?:new\s+)?(?:ticket\s+|case\s+)?[A-Z]{2,6}-?\d{3,}/i,
  // "confirmed, fix waits on priyanka ~15:00": what the work waits on.
  /\b(?:waits?|waiting) (?:on|for)\b/i,
  // "so either it never got there or it logs somewhere else": two possibilities, neither confirmed.
  /\beither\b.+\bor\b/i,
  // "another test scan to bev -> inbox": a test and its result, checking a fix.
  /^\W*(?:another |one more |a |the )?(?:test|retest|re-test)(?:ed)?\b/i,
  // "so the exclusion should hold for this build": what is expected of the fix.
  /\bshould (?:hold|work|be fine|be ok|sort it|fix it|stick)\b/i,
  // "the 212gb free on D is irrelevant", "a red herring": a verdict that something is not the cause.
  /\b(?:irrelevant|not relevant|red herring|nothing to do with (?:it|this|that)|(?:does|did)n'?t matter)\b/i,
  // "Nothing from karen or any admin": what a search did not find.
  /^\W*nothing (?:from|in|on|by|under|for)\b/i,
  // "Error: 'Your education license has expired'": the message as shown, a symptom.
  /^\W*(?:error|exception|warning|event(?: id)?)\s*(?:\d+\s*)?[:=-]/i,
];
const AGREES_TO_A_STEP = NEVER_A_CAUSE[0]!;

/**
 * Evidence as read, not a reading of it: a log line opening on its time or code ("10:41:42 RCPT1 job 88213
 * FAILED …"), a message pasted in quotes, output under the name of where it was read ("Message trace: received
 * 11:34, status Quarantined", "Application log, source ADSync, event 6323: …"), or a command as typed.
 */
const EVIDENCE: readonly RegExp[] = [
  /^\W*(?:\d{1,2}:\d{2}(?::\d{2})?|0x[0-9a-f]{4,}|\d{4}-\d{2}-\d{2})\b/i,
  /^\s*['"‘“][^'"’”]*['"’”]?\W*$/,
  /^\W*(?![^:]*\b(?:cause|why|reason|culprit|diagnosis|explanation|verdict|conclusion|problem|issue|answer)\b)(?:[^\s:]+\s+){0,6}?(?:[^\s:]*\.log|logs?|trace|history|output|results?|list|report|gpresult(?:\s+\/\w+)?|headers?|properties|event(?:\s+id)?(?:\s+\d+)?|config(?:uration)?|portal|console|[^\s:]+\s+>\s+[^:]+)(?:\s+(?:on|from|for|in|of)\s+[^:]{1,30})?\s*:\s/i,
  /^\W*(?:(?:Get|Test|Resolve|Start|Invoke)-[A-Z]\w+|icacls|curl|nslookup|dig|ping|tracert|traceroute|netsh|ipconfig|whoami|klist|dsregcmd|gpresult)\b/i,
];
const isEvidence = (text: string) => EVIDENCE.some((re) => re.test(text));

/** A diagnosis the engineer takes back in the same breath or the line after. */
function retracted(statements: readonly CauseStatement[], at: number): boolean {
  if (TAKEN_BACK.test(statements[at]!.text) || FORMER_GUESS.test(statements[at]!.text)) return true;
  // "… that'd fit. guessing though": a guess, said so right after.
  const next = statements[at + 1];
  if (next?.author === "engineer" && JUST_A_GUESS.test(next.text)) return true;
  return statements
    .slice(at + 1, at + 3)
    .some((s) => s.author === "engineer" && s.act === "ruled_out" && (s.refersBack || SHORT_NO.test(s.text)));
}

/** "yep thats it", "Bingo": a confirmation that names nothing itself. */
function isPointer(text: string): boolean {
  if (!CONFIRMS_BEFORE.test(text) || text.includes("?") || AGREES_TO_A_STEP.test(text)) return false;
  const clause = causeClause(text);
  return !clause || isFragment(clause) || pointsBack(clause) || clause.split(/\s+/).length <= 6;
}

// "we found why the warehouse keeps dropping off: …", "the root cause is …", "Found it: transport rule …": says
// outright that this is the cause.
const FOUND_WHY =
  /^\W*(?:ok\W+)?(?:found it|bingo|got it|there it is|aha)\W*[:–—-]\s*\S|^\W*(?:so\s+)?(?:it'?s|its)\s+(?:the|their|our)\s+(?!same\b|only\b|one\b|first\b|last\b|other\b|usual\b|weekend\b|end\b)[\w-]+\s*(?:,|-|–|—|$)|\b(?:found (?:out )?(?:why|the (?:cause|culprit|problem|issue|reason))|(?:the )?(?:root )?cause (?:is|was)|(?:this|that) is why|here'?s why|the reason (?:is|was))\b/i;
const STATED_LABEL = /^\W*(?:so\W+)?(?:the\s+)?(?:root\s+cause|cause|culprit|rca)\s*(?:is|was|=|:|-|—)\s*\S/i;
const NAMES_THE_CAUSE =
  /\b(?:that'?s it|thats it|bingo|found it|got it|there it is|that'?s (?:the|our) (?:one|(?:root )?cause|culprit|problem|issue)|thats (?:the|our) (?:one|(?:root )?cause|culprit|problem|issue))\b/i;
const BARE_YES = /^\W*(?:ok\W+)?(?:yep|yup|yes|yeah)\W*$/i;
const LABELLED = /^\W*[^:\s]+(?:\s+[^:\s]+){0,5}\s*:\s/;
const OUTPUT = /->|=>|\s=\s|:\s*(?:true|false|yes|no|enabled|disabled)\b/i;
const FIRST_PERSON = /\b(?:we|our|i|i'?ve|we'?ve)\b/i;

/**
 * Content words: what a clause is about, for overlap with the outcome and later lines. Unlike the waits' words
 * (letters only) they keep names with digits ("ADSync.mdf", "ms365"), which the model has learned on.
 */
const contentWords = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z][a-z0-9'.-]{3,}/g) ?? []).filter((w) => !STOP.has(w));
const STOP = new Set(
  "that this with from have been they their there what when then than just also were will would could should about into only still some after before them which while your ours here thats dont cant isnt wasnt didnt doesnt yeah okay".split(
    " ",
  ),
);
const share = (words: readonly string[], pool: ReadonlySet<string>) =>
  words.length === 0 ? 0 : words.filter((w) => pool.has(w)).length / words.length;
const bucket = (x: number, edges: readonly number[]) => {
  const k = edges.findIndex((e) => x < e);
  return k < 0 ? edges.length : k;
};
const confidenceBand = (c: number) => (c < 0.5 ? "low" : c < 0.75 ? "mid" : "high");

/** What the engineer wrote on closing or handing on the session, which a cause line tends to repeat. */
export const outcomeOf = (session: Pick<SessionSnapshot, "resolutionSummary" | "escalationReason">) =>
  session.resolutionSummary ?? session.escalationReason ?? null;

/**
 * Every statement that may name the cause, with its features: the reader's act and how sure it is, words
 * that say why, a confirmation after it ("bingo") or a pointer before it, the rules' diagnosis, where it
 * sits, whether it is evidence as read or words retold, and how much of it the outcome and later lines
 * repeat. Work done, asked or waited for with no word saying why, questions, fragments, pointers, asides,
 * and a reading taken back are never candidates.
 */
export function causeCandidates(
  statements: readonly CauseStatement[],
  diagnosis: { text: string; at: Date } | null,
  quoted: readonly boolean[],
  outcome: string | null,
): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  const engineer = statements.map((s, i) => ({ s, i })).filter(({ s }) => s.author === "engineer");
  const opening = engineer[0]?.s.message;
  const outcomeWords = new Set(contentWords(outcome ?? ""));
  // Read once for the whole session (10,000 messages stay linear): the last engineer statement that says each
  // word, and the first statement by someone else after each statement.
  const lastSaid = new Map<string, number>();
  engineer.forEach(({ s }, k) => {
    for (const w of contentWords(s.text)) lastSaid.set(w, k);
  });
  const nextHeard: number[] = new Array(statements.length);
  for (let j = statements.length - 1, seen = -1; j >= 0; j--) {
    nextHeard[j] = seen;
    if (statements[j]!.author !== "engineer") seen = j;
  }
  engineer.forEach(({ s, i }, k) => {
    // "(pw is [password removed] for now)": a secret's marker says nothing about why ("removed").
    const said = s.text.replace(MARKER_PATTERN, "");
    const causal = CAUSAL.test(said);
    const explains = EXPLAINS.test(said);
    if (!MAY_NAME_A_CAUSE.has(s.act) && s.confidence >= 0.5 && !causal && !explains) return;
    const clause = causeClause(quotedContent(s.text));
    if (!clause || isFragment(clause) || pointsBack(clause) || /\?\W*$/.test(s.text)) return;
    if (NEVER_A_CAUSE.some((re) => re.test(s.text))) return;
    if (retracted(statements, i)) return;
    // Retold for the client, only a line that says why can name the cause ("…crashing because its hard drive is failing");
    // so too in the opening message, which reports the problem.
    if (quoted[i] && !causal) return;
    // The opening message reports the problem: a cause there says why, and where it quotes the client's report
    // ("lena: 'nobody can save to S drive, … disk full'") only a "because" names one.
    if (s.message === opening && !(/['"‘“]/.test(s.text) ? explains : causal)) return;
    // The rules' diagnosis backs a statement unless it is only a question ("is steffan in MDM-Users?").
    const ruled =
      diagnosis !== null &&
      !diagnosis.text.includes("?") &&
      s.at.getTime() === diagnosis.at.getTime() &&
      diagnosis.text.includes(clause.slice(1));
    // A "yep" after the assistant or the client spoke answers them, not the engineer's line before.
    const heard = nextHeard[i]!;
    const after = engineer.slice(k + 1, k + 3).filter(({ i: j }) => heard < 0 || j < heard);
    const upTo = after.findIndex(({ s: n }) => /\?/.test(n.text));
    const next = (upTo < 0 ? after : after.slice(0, upTo)).find(({ s: n }) => isPointer(n.text));
    // "yep thats it. frontier's own customers are still routed to the old line": the pointer, then the why.
    const before = engineer[k - 1];
    // A "yep" that opens the reply to the assistant or the client answers them ("yep thats what i need"), and
    // points at nothing after it; "yep thats it" there still confirms what was found.
    const pointedAt =
      before !== undefined &&
      before.s.source === s.source &&
      isPointer(before.s.text) &&
      (statements[before.i - 1]?.author === "engineer" || NAMES_THE_CAUSE.test(before.s.text));
    const words = contentWords(clause);
    const length = bucket(words.length, [3, 5, 8, 13, 20]);
    const laterShare =
      words.length === 0 ? 0 : words.filter((w) => (lastSaid.get(w) ?? -1) > k).length / words.length;
    const features = [
      `act:${s.act}`,
      `act:${s.act}:${confidenceBand(s.confidence)}`,
      `certainty:${s.certainty}`,
      `position:${bucket(k / Math.max(1, engineer.length - 1), [0.25, 0.5, 0.75, 0.9])}`,
      `length:${length}`,
      `digits:${bucket((clause.match(/\d/g)?.length ?? 0) / clause.length, [0.02, 0.08, 0.16])}`,
      outcome ? `outcome:${bucket(share(words, outcomeWords), [0.01, 0.2, 0.4, 0.6])}` : "outcome:none",
      `echo:${bucket(laterShare, [0.01, 0.2, 0.4, 0.6])}`,
    ];
    // How much a cause word or a clause's length says depends on what the reader took the statement for.
    if (causal) features.push(`causal:${s.act}`);
    features.push(`length:${s.act}:${length}`);
    if (s.negated) features.push("negated");
    if (causal) features.push("causal");
    if (explains) features.push(/^\W*so\b/i.test(s.text) ? "explains:so" : "explains");
    if (quoted[i]) features.push("quoted");
    if (quotesReply(s.text)) features.push("reply");
    if (/\balready\b/i.test(s.text)) features.push("already");
    if (isEvidence(s.text)) features.push("evidence");
    // Said outright in the line itself, or by the confirmation right after or before it ("That's the root cause.",
    // "bingo. it was sat at exactly 10 lookups, that one tipped it to 11").
    const stated =
      FOUND_WHY.test(s.text) ||
      STATED_LABEL.test(s.text) ||
      (next !== undefined && next === after[0] && !BARE_YES.test(next.s.text)) ||
      (pointedAt && !BARE_YES.test(before!.s.text));
    if (stated) features.push("stated");
    // "Topology: virgin hub 5 -> draytek …": a labelled line; "a -> b", "x = y": output or a chain.
    if (LABELLED.test(s.text)) features.push("labelled");
    if (OUTPUT.test(s.text)) features.push("output");
    if (FIRST_PERSON.test(clause)) features.push("first-person");
    if (HEDGED.test(s.text)) features.push("hedged");
    if (s.message === opening) features.push("opening");
    if (ruled) features.push("ruled");
    if (next) features.push(next === after[0] ? "confirmed:next" : "confirmed:after");
    if (pointedAt) features.push(s.act === "symptom" ? "pointed:symptom" : "pointed");
    out.push({
      index: i,
      clause,
      confirmedBy: next?.i,
      firm: ruled || pointedAt || next !== undefined || stated,
      stated,
      features,
    });
  });
  // A cause someone else gave, relayed into the thread ("Darren (Axiom): yes, our order team registered
  // that batch under the wrong customer"), stands once the engineer confirms it ("so cause confirmed").
  statements.forEach((s, i) => {
    if (s.author !== "client" || !CAUSAL.test(s.text)) return;
    const next = engineer.find(({ i: j }) => j > i);
    if (!next || next.i > i + 3 || !isPointer(next.s.text)) return;
    const words = quotedContent(s.text);
    const clause = causeClause(words.slice(speakerLead(words)?.end ?? 0));
    if (!clause || isFragment(clause)) return;
    out.push({
      index: i,
      clause,
      confirmedBy: next.i,
      firm: true,
      stated: !BARE_YES.test(next.s.text),
      features: ["relayed", "confirmed:next"],
    });
  });
  return out;
}
