import type { InferredStatus } from "../types.ts";
import type { StatementAct } from "./acts.ts";

interface StageStatement {
  text: string;
  at: Date;
  author: "engineer" | "assistant" | "client";
  act: StatementAct;
  confidence: number;
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

// "2 of the jacks might not even be patched": a guess, not work done.
const HEDGED = /\b(?:might|may|could|probably|prob|maybe|possibly|perhaps|i think|bet)\b/i;
// "already disabled by our GPO, checked powercfg", "confirmed a file is being written": a state seen, not set.
const SEEN = /\b(?:already|checked|confirmed|shows?|showing)\b/i;
// "set op 3 to record extra detail", "turned on verbose logging": a change that helps look, not a fix.
const DIAGNOSTIC =
  /\b(?:logging|verbose|debug\w*|extra detail|trace|packet capture|pcap|diagnostic\w*|record (?:more|extra|every))\b/i;

/** A change the rules see counts as made unless the statement reader is fairly sure it is not work done. */
const counts = (s: StageStatement) =>
  s.author === "engineer" &&
  s.change &&
  !(NOT_DONE.has(s.act) && s.confidence >= NOT_DONE_SURE) &&
  !HEDGED.test(s.text) &&
  !(SEEN.test(s.text) && (s.act !== "action_done" || s.confidence < SURE)) &&
  !DIAGNOSTIC.test(s.text);

// "parking until oliver confirms", "let me know once you're in": a check of work already done.
const CONFIRMS =
  /\b(?:confirm\w*|test\w*|try|tries|retry|sign(?:s|ing)? in|log(?:s|ging)? in|let me know|works?|once you'?re in)\b/i;

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
  cause: unknown,
  standing: StandingWait | null,
): InferredStatus {
  if (ruleStage === "resolved" || ruleStage === "escalated") return ruleStage;
  const stage = heldBack(statements, ruleStage, cause !== null);
  if (!standing) return stage;
  if (standing.blocksFix && standing.on !== "process") {
    if (stage === "implementing") return "identified";
    if (stage === "investigating" && standing.on !== "vendor") return "identified";
    return stage;
  }
  const changedBefore = statements.some((s) => counts(s) && s.at <= standing.at);
  if (
    stage !== "implementing" &&
    changedBefore &&
    (standing.on === "process" || CONFIRMS.test(standing.text))
  )
    return "implementing";
  return stage;
}

/**
 * The rule reader's stage, unless none of the changes it counts as fix work
 * reads as done. Then the session is "identified" when a cause stands, else
 * "investigating". A change stops counting once the engineer says after it
 * that nothing is changed yet.
 */
function heldBack(
  statements: readonly StageStatement[],
  stage: InferredStatus,
  caused: boolean,
): InferredStatus {
  if (stage !== "implementing") return stage;
  let standing = false;
  for (const s of statements) {
    if (s.author !== "engineer") continue;
    if (counts(s)) standing = true;
    else if (s.act === "nothing_done" && s.confidence >= SURE) standing = false;
  }
  if (standing) return stage;
  return caused ? "identified" : "investigating";
}
