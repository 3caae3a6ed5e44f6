import type { InferredStatus } from "../types.ts";
import type { StatementAct } from "./acts.ts";
import { reportsNoSuccess } from "./attempt-result.ts";
import { quotedWords } from "./to-client.ts";

interface StageStatement {
  text: string;
  message: number;
  at: Date;
  author: "engineer" | "assistant" | "client";
  act: StatementAct;
  confidence: number;
  negated: boolean;
  change: boolean;
}

interface StandingWait {
  text: string;
  at: Date;
  on: "client" | "vendor" | "internal" | "process";
  blocksFix: boolean;
}

const SURE = 0.5;
/** Statements that say a change is not made (yet): planned, asked, waited for, only suspected or ruled out, chat. */
const NOT_DONE: ReadonlySet<StatementAct> = new Set([
  "nothing_done",
  "action_planned",
  "ask",
  "wait",
  "hypothesis",
  "ruled_out",
  "suggestion",
  "chatter",
]);
const NOT_DONE_SURE = 0.35;
/** "for the record nothing changed on licences": said in so many words, a fairly sure reading undoes the changes. */
const NOTHING_DONE_SURE = 0.4;
const SEEN_ACTS: ReadonlySet<StatementAct> = new Set(["finding", "verification", "symptom"]);
/** Readers of whole threads file many a change as a finding ("applied 13:14"): only a sure finding is no change. */
const SEEN_SURE = 0.8;

// "2 of the jacks might not even be patched", "supposed to arrive registered": a guess or an expectation, not work done.
export const HEDGED =
  /\b(?:might|may|could|probably|prob|maybe|possibly|perhaps|i think|bet|supposed to|meant to|should have)\b/i;
// "already disabled by our GPO, checked powercfg", "confirmed a file is being written": a state seen, not set.
const SEEN = /\b(?:already|checked|confirmed|shows?|showing)\b/i;
// "set op 3 to record extra detail", "turned on verbose logging", "scan running": work that helps look, not a fix.
const DIAGNOSTIC =
  /\b(?:logging|syslog|verbose|debug\w*|extra detail|trace|packet capture|pcap|diagnostic\w*|record (?:more|extra|every)|(?<!re)scan(?:s|ning)?)\b/i;

// "reminder set thu 9am", "logged it against PRJ-118", "added to the sage case": bookkeeping, not a fix.
const ADMIN =
  /\b(?:reminder|ticket|logged|noted|documented|documentation|itglue|case\b|notes?\b|linked|cc'?d|calendar invite|raised|booked)\b|\b(?:TKT|CHG|INC|REQ|RITM|SR|CS|CASE|PRJ|SEC|MSG|CR)-?\d{3,}\b/i;
// "gareth mentioned the scanner vendor installed a box friday": what someone else said was done, not our fix.
const DONE_BY_OTHERS =
  /^\W*(?:[a-z]+\s+)?(?:mentioned|said|says|reckons|thinks|told (?:me|us)|reports?|reported)\b|\b(?:the (?:vendor|supplier|isp|landlord|client|customer|user)|their (?:it|vendor|supplier|isp))\s+(?:\w+\s+)?(?:installed|changed|moved|added|removed|swapped|replaced|updated|upgraded)\b/i;
// "no new AV/EDR policy pushed this week either": what did not happen.
const NONE_HAPPENED = /^\W*(?:no|nothing|none|never)\b/i;
// "I've changed that and tested it": a fix reported done in the first person.
const FIX_REPORTED =
  /\b(?:i'?ve|we'?ve|i have|we have) (?:now )?(?:changed|fixed|updated|added|removed|reset|re-?enabled|enabled|corrected|replaced|applied|installed|granted|restored|moved|set)\b/i;

// "We're pushing the new driver out to all staff laptops now": a fix under way, told in the first person.
const FIX_UNDER_WAY =
  /\b(?:we'?re|we are|i'?m|i am) (?:now )?(?:pushing|rolling|deploying|installing|applying|updating|replacing|restoring|migrating|moving)\b/i;

// "Add-MailboxPermission … -> ran, no errors": a PowerShell verb that changes something, pasted as run.
const CHANGE_COMMAND =
  /\b(?:Add|Set|New|Remove|Enable|Disable|Grant|Revoke|Install|Uninstall|Reset|Move|Rename|Restore|Unblock|Clear)-[A-Z][A-Za-z]+\b/;

/** A change the rules see counts as made unless the statement reader is fairly sure it is not work done. */
const counts = (s: StageStatement) =>
  s.author === "engineer" &&
  (s.change || (CHANGE_COMMAND.test(s.text) && !/-WhatIf\b/i.test(s.text))) &&
  !s.negated &&
  !(NOT_DONE.has(s.act) && s.confidence >= NOT_DONE_SURE) &&
  // "GG-Finance-RW still has all 8 members", "looks untouched": what was seen, read as such.
  !(SEEN_ACTS.has(s.act) && s.confidence >= SEEN_SURE) &&
  !HEDGED.test(s.text) &&
  !ADMIN.test(s.text) &&
  !(SEEN.test(s.text) && (s.act !== "action_done" || s.confidence < SURE)) &&
  !DIAGNOSTIC.test(s.text) &&
  !NONE_HAPPENED.test(s.text) &&
  !DONE_BY_OTHERS.test(s.text);

const STATED =
  /^\W*(?:ticket\s+)?status(?:\s+is|\s*[:=-])?\s+(investigating|identified|implementing|in progress|fix in progress)\b/i;

/** The stage the engineer last wrote down in so many words, if any. */
function statedStage(statements: readonly StageStatement[]): InferredStatus | null {
  for (let i = statements.length - 1; i >= 0; i--) {
    const s = statements[i]!;
    if (s.author !== "engineer") continue;
    const word = STATED.exec(s.text)?.[1]?.toLowerCase();
    if (word) return word === "investigating" || word === "identified" ? word : "implementing";
  }
  return null;
}

/**
 * The changes that count after the opening message, less those the engineer says did not work in the
 * same message or the next one ("reinstalled the driver" then "still code 43.
 * didnt help"): nothing is being fixed by them.
 */
function madeChanges(statements: readonly StageStatement[], quoted: readonly boolean[]): boolean[] {
  // The opening message reports the problem and its history ("ordered via axiom, supposed to arrive registered").
  const opening = statements.find((s) => s.author === "engineer")?.at.getTime();
  // Words sent to someone ("msg to Luis: '… fixing it means a 2 minute drop'") retell or plan, unless they
  // report the fix in so many words ("we've updated the firmware on your dock").
  return statements.map((s, i) => {
    if (
      !counts(s) ||
      reportsNoSuccess(s.text) ||
      s.at.getTime() === opening ||
      (quoted[i] && !FIX_REPORTED.test(s.text) && !FIX_UNDER_WAY.test(s.text))
    )
      return false;
    // The engineer's statements after it, in its own message and the next one.
    let nextMessage: number | undefined;
    for (let j = i + 1; j < statements.length; j++) {
      const n = statements[j]!;
      if (n.author !== "engineer") continue;
      const at = n.at.getTime();
      if (at > s.at.getTime()) {
        nextMessage ??= at;
        if (at > nextMessage) break;
      }
      if (n.act !== "action_done" && !n.change && reportsNoSuccess(n.text)) return false;
    }
    return true;
  });
}

// "parking until oliver confirms", "let me know once you're in": a check of work already done.
const CONFIRMS =
  /\b(?:confirm\w*|test\w*|try|tries|retry|sign(?:s|ing)? in|log(?:s|ging)? in|let me know|works?|working|once you'?re in|hear back|whether|sorted|print(?:s|ing)?)\b/i;
// Held by the vendor's delivery: a patch, a part, a replacement drive, their engineer's visit.
const DELIVERY =
  /\b(?:hotfix|patch|firmware|replacement|rma|parts?|drive|release|(?:sending|send|sends|booked|booking) (?:an? |their )?(?:engineer|technician|tech)|site visit|on-?site)\b/i;

// "opened dell case 198274655 for an ssd dispatch", "shipping battery + bottom cover to their onsite tech": a part
// ordered from the vendor.
const ORDERED =
  /\b(?:dispatch(?:ed)?|rma|warranty (?:claim|replacement|case)|(?:ordered|ordering) (?:a |the )?(?:replacement|new) \w+|(?:shipping|ships|shipped|sending|couriering)\b[^.]{0,40}\b(?:parts?|battery|drive|disk|ssd|board|motherboard|screen|replacement|cover|psu|fan|keyboard)\b)/i;

/**
 * The stage from the account: the rule reader's stage, held back where no
 * change it counts reads as done ("haven't changed anything yet", a plan,
 * a question), then set by what the work waits on now. A fix that waits on
 * an approval, access or a vendor's patch is "identified" (the cause is
 * known, nothing is fixed yet) even after stop-gaps; a process finishing or
 * a client confirming after a change is "implementing".
 */
export function stageOf(
  statements: readonly StageStatement[],
  ruleStage: InferredStatus,
  cause: { firm: boolean; read: boolean },
  standing: StandingWait | null,
  /** Which statements are words sent to someone or quoted ({@link quotedWords}). */
  quoted: readonly boolean[] = quotedWords(statements),
): InferredStatus {
  if (ruleStage === "resolved" || ruleStage === "escalated") return ruleStage;
  // "status identified. fix tonight 18:15 by owen": the engineer's own word on the stage settles it.
  const stated = statedStage(statements);
  if (stated) return stated;
  const made = standingChanges(statements, madeChanges(statements, quoted));
  // The rules read "identified" from cue words; without a cause the account stands by, it is still investigating.
  // A cause the engineer confirms ("thats us", "bingo") is identified even where the rules saw no cue for it.
  const stage =
    ruleStage === "identified" && !cause.read
      ? "investigating"
      : ruleStage === "investigating" && cause.firm
        ? "identified"
        : heldBack(made, ruleStage, cause.firm);
  if (!standing) return stage;
  // "opened dell case … for an ssd dispatch" then "waiting on dell": the wait is for that delivery.
  const delivery =
    standing.on === "vendor" &&
    (DELIVERY.test(standing.text) ||
      statements.some((s) => s.author === "engineer" && s.at <= standing.at && ORDERED.test(s.text)));
  if ((standing.blocksFix && standing.on !== "process") || delivery) {
    if (stage === "implementing") return "identified";
    if (stage === "investigating") return "identified";
    return stage;
  }
  const changedBefore = statements.some(
    (s, i) => (made[i] || (s.author === "engineer" && FIX_REPORTED.test(s.text))) && s.at <= standing.at,
  );
  if (
    stage !== "implementing" &&
    changedBefore &&
    (standing.on === "process" || CONFIRMS.test(standing.text))
  )
    return "implementing";
  return stage;
}

// No change stands, whatever was said before: a past-tense denial of a change ("havent changed anything yet",
// "havent changed the lockout policy or anyones vpn", "not done anything"), "nothing touched on the 40F", "no changes
// made", "not changing denise's yet". "havent changed anything else" leaves the work standing, and so does turning one
// step down ("not changing CA without fiona's ok", "not my change to make").
const NOTHING_CHANGED =
  /\b(?:(?:have|has|did)n'?t|havent|hasnt|didnt|not)\s+(?:yet\s+|actually\s+|really\s+)?(?:(?:changed|touched)\s+(?!anything\s+else)|(?:done|made)\s+any(?:thing(?!\s+else)|\s+changes?)\b)|\bnothing(?:'s|\s+has|\s+is)?(?:\s+been)?\s+(?:changed|touched)\b|\bno changes?\s+(?:made|yet|so far|anywhere)\b|\bnot (?:changing|touching)\b[^.]{0,30}?\byet\b/i;

/**
 * The rule reader's stage, unless none of the changes it counts as fix work
 * reads as done. Then the session is "identified" when a cause stands, else
 * "investigating". A change stops counting once the engineer says after it
 * that nothing is changed yet.
 */
function heldBack(made: readonly boolean[], stage: InferredStatus, caused: boolean): InferredStatus {
  if (stage !== "implementing" || made.includes(true)) return stage;
  return caused ? "identified" : "investigating";
}

/** The changes made that still stand: one the engineer says afterwards is not made ("havent changed anything btw") no longer counts. */
function standingChanges(statements: readonly StageStatement[], made: readonly boolean[]): boolean[] {
  const reset = statements.findLastIndex(
    (s) =>
      s.author === "engineer" &&
      s.act === "nothing_done" &&
      s.confidence >= NOTHING_DONE_SURE &&
      NOTHING_CHANGED.test(s.text),
  );
  return made.map((m, i) => m && i > reset);
}
