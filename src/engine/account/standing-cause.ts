import { expandAbbreviations } from "../context/abbreviations.ts";
import type { Certainty, StatementAct } from "./acts.ts";
import { causeClause, isFragment, pointsBack } from "./cause-clause.ts";
import { speakerLead } from "./parties.ts";
import { quotedContent, quotedWords, quotesReply } from "./to-client.ts";

interface CauseStatement {
  text: string;
  source: string;
  message: number;
  at: Date;
  author: "engineer" | "assistant" | "client";
  act: StatementAct;
  confidence: number;
  certainty: Certainty;
  refersBack: boolean;
}

export interface StandingCause {
  text: string;
  sources: string[];
  at: Date;
  state: "confirmed";
  certainty: "certain";
  /** The rules read it as the diagnosis too, or the engineer confirmed it ("yep that's it"). */
  firm: boolean;
}

// "yep thats it", "bingo", "there it is", "thats our symptom word for word": the statement before is the cause.
const CONFIRMS_BEFORE =
  /^\W*(?:(?:so\W+)?(?:(?:the\s+)?(?:root\s+)?cause\s+)?confirmed(?=\W*$)|(?:ok\W+)?(?:yep|yup|yes|bingo|boom|there it is|there (?:we|you) go|that'?s it|thats it|that'?s (?:the|our) (?:one|(?:root )?cause|problem|culprit|issue|symptom)|thats (?:the|our) \w+|that'?s us|thats us|that'?s ours|matches (?:ours|us|exactly)|found it|got it|that explains|which explains|explains (?:it|everything)|that'?s why))\b/i;
// A clause that says why: a cause word, a change that broke something, a limit reached.
const CAUSAL =
  /\b(?:because|bc|due to|caused|causing|(?:underlying|root|real) (?:problem|issue|cause)|the (?:problem|issue|cause) (?:is|was)|comes? from|came from|(?:is|was) down to|turned out|so (?:the|it|they|every|nothing|no|mail|uploads|callers|sign-?ins|users)|which is why|after (?:the|last|a|an|his|her|their|our)|expired|removed|deleted|dropped|blocked|blocks|blocking|filter(?:s|ed|ing)|missing|never|no longer|limit|quota|full|exhausted|suspended|broke|bug|regression|known issue|mismatch|doesn'?t match|don'?t match|not synced|isn'?t synced|turned (?:off|on)|wiped|overwr\w+|revoked|disabled|stuck|false positive|flag(?:s|ged)|quarantin\w+|phish\w*|compromis\w*|failed|fails|wrong(?!\s+(?:window|chat|ticket|tab|thread|channel|one))|incorrect(?:ly)?|mistaken(?:ly)?|by mistake|misconfigur\w*)\b/i;
// "thought i had it - smb1 - but the ricoh is already on SMB2/3", "was sure X - nope".
const TAKEN_BACK = /\b(?:thought|was sure|figured|assumed)\b.*\b(?:but|nope|wrong)\b/i;
const SHORT_NO = /^\W*(?:so )?(?:no|nope|not it|not that|wrong|nah)\b/i;

/** The acts whose statement can name what went wrong; every other act (done, asked, waited, chat, …) cannot. */
const MAY_NAME_A_CAUSE: ReadonlySet<StatementAct> = new Set(["symptom", "finding", "hypothesis", "cause"]);

const ENOUGH = 0.55;
const CAUSE_UNKNOWN =
  /\b(?:no idea why|not sure why|(?:do|did)n'?t know why|dont know why|no cause (?:yet|found)|cause (?:is )?(?:still )?unknown|no clue why|still no idea)\b/i;
const EXPLAINS = /\b(?:because|bc|cos|due to|caused by|which is why|that'?s why|thats why)\b/i;

/** Lines that say something other than what broke, whatever cause words they hold. */
const NEVER_A_CAUSE: readonly RegExp[] = [
  // "yep thats the plan": agreeing to a step.
  /\b(?:that'?s|thats|sounds like) (?:the|a|our|my) (?:plan|idea|approach|option|way|next step)\b/i,
  // "Workshop and Sales look normal because they always inherited": why something is fine.
  /\b(?:(?:looks?|is|are|seems?|stays?|stayed|was|were)\s+(?:normal|fine|ok|okay|good|unaffected|untouched)|works?|working)\b[^.]*\b(?:because|bc|since|as)\b/i,
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
  // "Nothing from karen or any admin": what a search did not find.
  /^\W*nothing (?:from|in|on|by|under|for)\b/i,
  // "Error: 'Your education license has expired'": the message as shown, a symptom.
  /^\W*(?:error|exception|warning|event(?: id)?)\s*(?:\d+\s*)?[:=-]/i,
];
const AGREES_TO_A_STEP = NEVER_A_CAUSE[0]!;

/** A diagnosis the engineer takes back in the same breath or the line after. */
export function retracted(statements: readonly CauseStatement[], at: number): boolean {
  if (TAKEN_BACK.test(statements[at]!.text)) return true;
  return statements
    .slice(at + 1, at + 3)
    .some((s) => s.author === "engineer" && s.act === "ruled_out" && (s.refersBack || SHORT_NO.test(s.text)));
}

/**
 * The cause standing now, as a clean clause: of the engineer's statements
 * that say why (a cause the statement reader reads, a finding with a causal
 * clause, the rule reader's diagnosis), the best supported, weighing a
 * confirmation after it ("yep that's it", "bingo") most. A diagnosis taken
 * back is none; a pointer is never the cause itself, the statement it
 * points at is.
 */
export function standingCause(
  statements: readonly CauseStatement[],
  diagnosis: { text: string; at: Date } | null,
  // Words sent to someone, or someone's words quoted ("nadia: 'we had the office refitted …'"): retold for them, not the engineer's own reading.
  quoted: readonly boolean[] = quotedWords(statements),
): StandingCause | null {
  let best: { score: number; index: number; clause: string; confirmedBy?: number; ruled: boolean } | null =
    null;
  const engineer = statements.map((s, i) => ({ s, i })).filter(({ s }) => s.author === "engineer");
  const opening = engineer[0]?.s.message;
  engineer.forEach(({ s, i }, k) => {
    // Work done, asked or waited for, with no word saying why, cannot reach ENOUGH whatever backs it: skip it cheaply.
    if (base(s) < 0 && !CAUSAL.test(s.text) && !EXPLAINS.test(s.text)) return;
    const clause = causeClause(quotedContent(s.text));
    if (!clause || isFragment(clause) || pointsBack(clause) || /\?\W*$/.test(s.text)) return;
    if (NEVER_A_CAUSE.some((re) => re.test(s.text))) return;
    if (retracted(statements, i)) return;
    // Retold for the client, only a line that says why can name the cause ("…crashing because its hard drive is failing");
    // so too in the opening message, which reports the problem.
    if (quoted[i] && !CAUSAL.test(s.text)) return;
    // The opening message reports the problem: a cause there says why, and where it quotes the client's report
    // ("lena: 'nobody can save to S drive, … disk full'") only a "because" names one.
    if (s.message === opening && !(/['"‘“]/.test(s.text) ? EXPLAINS : CAUSAL).test(s.text)) return;
    let score = base(s);
    // The rules' diagnosis backs a statement unless it is only a question ("is steffan in MDM-Users?").
    const ruled =
      diagnosis !== null &&
      !diagnosis.text.includes("?") &&
      s.at.getTime() === diagnosis.at.getTime() &&
      diagnosis.text.includes(clause.slice(1));
    if (ruled) score += 0.25;
    if (CAUSAL.test(s.text)) score += 0.2;
    // "so blocked purely bc she's in portugal": the engineer's own words saying why weigh more than a cue word.
    if (!quoted[i] && EXPLAINS.test(s.text)) score += /^\W*so\b/i.test(s.text) ? 0.3 : 0.2;
    if (quoted[i] || quotesReply(s.text)) score -= 0.15;
    // "already disabled by our GPO": a setting found as it should be.
    if (/\balready\b/i.test(s.text)) score -= 0.3;
    // A "yes" after a question answers the question, not the statement before it.
    const after = engineer.slice(k + 1, k + 3);
    const upTo = after.findIndex(({ s: n }) => /\?/.test(n.text));
    const next = (upTo < 0 ? after : after.slice(0, upTo)).find(({ s: n }) => isPointer(n.text));
    const confirmedBy = next?.i;
    if (confirmedBy !== undefined) score += 0.4;
    // "yep thats it. frontier's own customers are still routed to the old line": the pointer, then the why.
    const before = engineer[k - 1];
    const pointedAt = before !== undefined && before.s.source === s.source && isPointer(before.s.text);
    if (pointedAt) score += s.act === "symptom" ? ENOUGH : 0.3;
    // Later readings replace earlier ones: the cause standing is the last one reached.
    score += 0.1 * (k / Math.max(1, engineer.length - 1));
    if (score >= ENOUGH && (!best || score >= best.score))
      best = { score, index: i, clause, confirmedBy, ruled: ruled || pointedAt };
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
    const score = ENOUGH + 0.4;
    if (!best || score >= best.score) best = { score, index: i, clause, confirmedBy: next.i, ruled: false };
  });
  if (!best) return null;
  const { index, clause, confirmedBy, ruled } = best as NonNullable<typeof best>;
  // "so scrap that, no idea why these 4": the engineer says after it that the cause is not known.
  if (engineer.some(({ s, i }) => i > index && CAUSE_UNKNOWN.test(s.text))) return null;
  const from = [statements[index]!, ...(confirmedBy !== undefined ? [statements[confirmedBy]!] : [])];
  return {
    // A clean clause reads as documentation: "cert" is "certificate".
    text: expandAbbreviations(clause),
    sources: [...new Set(from.map((s) => s.source))],
    at: from.at(-1)!.at,
    state: "confirmed",
    certainty: "certain",
    firm: ruled || confirmedBy !== undefined,
  };
}

/** "yep thats it", "Bingo": a confirmation that names nothing itself. */
function isPointer(text: string): boolean {
  if (!CONFIRMS_BEFORE.test(text) || text.includes("?") || AGREES_TO_A_STEP.test(text)) return false;
  const clause = causeClause(text);
  return !clause || isFragment(clause) || pointsBack(clause) || clause.split(/\s+/).length <= 6;
}

function base(s: CauseStatement): number {
  if (s.act === "cause") return 0.3 + 0.4 * s.confidence;
  if (!MAY_NAME_A_CAUSE.has(s.act) && s.confidence >= 0.5) return -1;
  if (s.act === "finding") return 0.15 + 0.2 * s.confidence;
  if (s.act === "hypothesis" && s.certainty !== "unsure") return 0.15;
  // The reader unsure what a statement that says why does ("so blocked purely bc she's in portugal" read as
  // an action): it weighs as a finding would.
  return s.confidence < 0.5 && EXPLAINS.test(s.text) ? 0.15 : 0;
}
