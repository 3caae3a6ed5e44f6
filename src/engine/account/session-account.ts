import { readMessageText } from "../context/message-text.ts";
import { classifyStatement } from "../context/roles/statement-roles.ts";
import { buildSessionFacts, readSessionFacts, type SessionFacts } from "../context/session-facts.ts";
import type { InferredStatus, SessionSnapshot, SessionStatus } from "../types.ts";
import { workSlices } from "../work-slices.ts";
import type { Actor, Certainty, StatementAct, WaitParty } from "./acts.ts";
import { opensOnDeed, reportsNoSuccess } from "./attempt-result.ts";
import { outcomeOf } from "./cause-candidates.ts";
import { readStatement, type StatementReading } from "./read-statement.ts";
import { stageOf } from "./stage.ts";
import { type StandingCause, standingCause } from "./standing-cause.ts";
import { quotedWords } from "./to-client.ts";
import { type ReadWait, readWaits, readWaitsSliced } from "./waits.ts";

/** A statement of the thread, read, with the message it came from ("m3": the third message). */
export interface ReadStatement extends StatementReading {
  text: string;
  source: string;
  message: number;
  at: Date;
  author: "engineer" | "assistant" | "client";
  /** The rule reader sees a change to the client's systems (not a look or a retry). */
  change: boolean;
  /** What the rule reader says the statement waits on, when it reads a wait. */
  ruleWait?: "client" | "vendor" | "process" | "someone";
}

export interface AccountItem {
  text: string;
  /** Ids of the messages the item rests on. */
  sources: string[];
  at: Date;
}

export interface Hypothesis extends AccountItem {
  state: "open" | "ruled_out" | "confirmed";
  certainty: Certainty;
}

export interface Action extends AccountItem {
  state: "suggested" | "done" | "planned" | "failed" | "reverted";
  actor: Actor;
  /** Changes the client's systems (fix work), rather than looking or retrying. */
  change: boolean;
}

export interface Wait extends AccountItem {
  on: WaitParty;
  /** A person or organisation named in the wait ("til Derek approves"), when one is. */
  who?: string;
  /** The fix itself waits (an approval, a vendor's patch, access), rather than a check after it. */
  blocksFix: boolean;
  open: boolean;
}

/**
 * One account of what happened in a session: the problem, what was learned,
 * the hypotheses and their state, the actions and theirs, the waits, the
 * verification and the outcome, each with the messages it rests on. Both
 * writers, the header and the API read the session through it.
 */
export interface SessionAccount {
  problem: AccountItem[];
  findings: AccountItem[];
  hypotheses: Hypothesis[];
  /** The cause standing now, as a clean clause. */
  cause: Hypothesis | null;
  actions: Action[];
  waits: Wait[];
  verification: AccountItem[];
  outcome: { status: SessionStatus; resolution?: string; escalation?: string };
  stage: InferredStatus;
  /** What the work waits on now, if anything. */
  waitingOn: Wait | null;
  statements: ReadStatement[];
}

export const messageId = (index: number) => `m${index + 1}`;

const withoutFirm = ({ firm: _, ...cause }: StandingCause): Hypothesis => cause;

/** Reads the statements of a thread message by message, in order. Pasted instructions to an AI are not read as work. */
function statementReader(session: SessionSnapshot) {
  const out: ReadStatement[] = [];
  let engineerMessages = 0;
  const readMessage = (index: number) => {
    const message = session.messages[index]!;
    const read = readMessageText(message.text);
    if (read.instruction) return;
    const first = message.author === "engineer" && engineerMessages === 0;
    if (message.author === "engineer") engineerMessages += 1;
    for (const text of read.writtenSentences) {
      const reading = readStatement(text, { author: message.author, first, previous: out.at(-1)?.text });
      const rule = classifyStatement(text, { first });
      const suggests =
        message.author === "assistant" && reading.act !== "chatter" && reading.act !== "greeting";
      // One literal of one shape: spreading conditional parts gave every statement its own
      // hidden class, which made building and every later pass over the statements slow.
      out.push({
        act: suggests ? "suggestion" : first && reading.act === "finding" ? "symptom" : reading.act,
        confidence: reading.confidence,
        negated: reading.negated,
        certainty: reading.certainty,
        actor: suggests ? "assistant" : reading.actor,
        waitingOn: reading.waitingOn,
        refersBack: reading.refersBack,
        text,
        source: messageId(index),
        message: index,
        at: message.at,
        author: message.author,
        change: rule.role === "fix" || rule.role === "fix_in_progress",
        ruleWait: rule.role === "waiting" ? (rule.waitingOn ?? "someone") : undefined,
      });
    }
  };
  return { out, readMessage };
}

export function readSessionStatements(session: SessionSnapshot): ReadStatement[] {
  const reader = statementReader(session);
  for (let i = 0; i < session.messages.length; i++) reader.readMessage(i);
  return reader.out;
}

export function buildSessionAccount(session: SessionSnapshot): SessionAccount {
  return accountOf(readSessionStatements(session), session);
}

/** The same account, read a slice at a time so a long session never holds the event loop. */
export async function readSessionAccount(session: SessionSnapshot): Promise<SessionAccount> {
  return (await readSessionWithAccount(session)).account;
}

const item = (s: ReadStatement, text = s.text): AccountItem => ({ text, sources: [s.source], at: s.at });

const HANDED_ON =
  /\b(?:escalat\w*|hand(?:ed|ing)? (?:it |this )?(?:over )?to|pass(?:ed|ing)? (?:it |this )?(?:on )?to|assigned to|kick(?:ed|ing)? (?:it )?(?:up(?:stairs)? )?to|with (?:the )?(?:vendor|tier ?\d|t3|l3))\b/i;

/** "not touching GPO now", "kept the old range in for now": a step held back, whatever else the line reports. */
const STEP_HELD_BACK =
  /\bnot (?:touching|changing|doing|restarting|rebooting|deleting|resetting|expanding|applying|pushing|adding|removing)\b(?![^.]{0,20}\b(?:just|instead)\b)|\bnot today\b|\b(?:kept|keeping|leaving|left) [^.]{1,40}\b(?:for now|as (?:it|they) (?:is|are|was|were))\b/i;

const ACTION_STATE: Partial<Record<StatementAct, Action["state"]>> = {
  action_done: "done",
  action_planned: "planned",
  action_failed: "failed",
  action_reverted: "reverted",
  suggestion: "suggested",
};

export function accountOf(
  statements: readonly ReadStatement[],
  session: SessionSnapshot,
  facts: SessionFacts = buildSessionFacts(session),
  read: readonly ReadWait[] = readWaits(statements, session),
): SessionAccount {
  const problem: AccountItem[] = [];
  const findings: AccountItem[] = [];
  const hypotheses: Hypothesis[] = [];
  const actions: Action[] = [];
  const waits: Wait[] = [];
  const verification: AccountItem[] = [];
  const quoted = quotedWords(statements);
  const reading = standingCause(statements, facts.diagnosis, quoted, outcomeOf(session));
  for (const w of read) {
    const { index, ...rest } = w;
    waits.push({ ...item(statements[index]!), ...rest });
  }
  statements.forEach((s) => {
    switch (s.act) {
      case "symptom":
        (problem.length === 0 || s.message === statements[0]?.message ? problem : findings).push(item(s));
        return;
      case "finding":
        findings.push(item(s));
        return;
      case "hypothesis":
        hypotheses.push({
          ...item(s),
          state: "open",
          certainty: s.certainty === "certain" ? "likely" : s.certainty,
        });
        return;
      case "ruled_out":
        hypotheses.push({ ...item(s), state: "ruled_out", certainty: s.certainty });
        return;
      case "action_failed":
        // "Reset pw to a random one, not recorded anywhere": a deed whose words report no failure was done.
        actions.push({
          ...item(s),
          state: !reportsNoSuccess(s.text) && opensOnDeed(s.text) ? "done" : "failed",
          actor: s.actor,
          change: s.change,
        });
        return;
      case "action_done":
        if (STEP_HELD_BACK.test(s.text)) return;
        actions.push({ ...item(s), state: "done", actor: s.actor, change: s.change });
        return;
      case "action_planned":
      case "action_reverted":
      case "suggestion":
        actions.push({ ...item(s), state: ACTION_STATE[s.act]!, actor: s.actor, change: s.change });
        return;
      case "verification":
        if (!s.negated) verification.push(item(s));
        return;
      default:
    }
  });
  const outcome = {
    status: session.status,
    resolution: session.resolutionSummary,
    escalation: session.escalationReason,
  };
  const open = waits.filter((w) => w.open);
  // An escalated ticket waits on whoever it went to, whatever else was asked of the client on the way.
  // A hand-on restated by the same party ("escalated it to their NOC", then "NOC ETA: none yet") is that wait.
  const handed =
    facts.status === "escalated" ? waits.filter((w) => HANDED_ON.test(w.text)).at(-1) : undefined;
  const handedTo =
    handed && !handed.open
      ? (open.filter((w) => w.on === handed.on && w.at >= handed.at).at(-1) ??
        open.filter((w) => HANDED_ON.test(w.text)).at(-1))
      : handed;
  const standing = facts.status === "resolved" ? null : (handedTo ?? open.at(-1) ?? null);
  const stage = stageOf(
    statements,
    facts.status,
    { firm: reading?.firm ?? false, read: reading !== null },
    standing,
    quoted,
  );
  // Still investigating: what the engineer suspects stays a hypothesis, not the cause.
  const cause: Hypothesis | null = stage === "investigating" || !reading ? null : withoutFirm(reading);
  if (cause) {
    for (const h of hypotheses)
      if (h.state === "open" && h.sources.some((id) => cause.sources.includes(id))) h.state = "confirmed";
    hypotheses.push(cause);
  }
  return {
    problem,
    findings,
    hypotheses,
    cause,
    actions,
    waits,
    verification,
    outcome,
    stage,
    waitingOn: stage === "resolved" ? null : standing,
    statements: [...statements],
  };
}

/**
 * The facts the writers use and the account, read together: the facts take
 * the account's stage, so every update, the header and the API say the same.
 */
export async function readSessionWithAccount(
  session: SessionSnapshot,
): Promise<{ facts: SessionFacts; account: SessionAccount }> {
  const ruleFacts = await readSessionFacts(session);
  const reader = statementReader(session);
  const slice = workSlices();
  for (let i = 0; i < session.messages.length; i++) {
    reader.readMessage(i);
    await slice();
  }
  const waits = await readWaitsSliced(reader.out, session, slice);
  const account = accountOf(reader.out, session, ruleFacts, waits);
  const sinceLast = ruleFacts.sinceLast
    ? { ...ruleFacts.sinceLast, statusChanged: ruleFacts.sinceLast.previous.sessionStatus !== account.stage }
    : null;
  return { account, facts: { ...ruleFacts, status: account.stage, sinceLast } };
}
