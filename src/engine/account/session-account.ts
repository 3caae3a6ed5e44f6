import { readMessageText } from "../context/message-text.ts";
import { classifyStatement } from "../context/roles/statement-roles.ts";
import { buildSessionFacts, readSessionFacts, type SessionFacts } from "../context/session-facts.ts";
import type { InferredStatus, SessionSnapshot, SessionStatus } from "../types.ts";
import { workSlices } from "../work-slices.ts";
import type { Actor, Certainty, StatementAct, WaitParty } from "./acts.ts";
import { causeClause, isFragment, pointsBack } from "./cause-clause.ts";
import { readStatement, type StatementReading } from "./read-statement.ts";

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
  /** A person named in the wait ("til Derek approves"), when one is. */
  who?: string;
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
): SessionAccount {
  const problem: AccountItem[] = [];
  const findings: AccountItem[] = [];
  const hypotheses: Hypothesis[] = [];
  const actions: Action[] = [];
  const waits: Wait[] = [];
  const verification: AccountItem[] = [];
  // The rule reader's stage and cause hold on the older labelled sessions; the account corrects the stage where no change was made.
  const cause = standingCause(statements, facts.diagnosis, facts.status);
  const waitAt: number[] = [];
  statements.forEach((s, i) => {
    if (s.author === "engineer" && waitsOnSomeone(s)) {
      waits.push(waitOf(s, session));
      waitAt.push(i);
    }
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
      case "action_done":
      case "action_planned":
      case "action_failed":
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
  if (cause) {
    for (const h of hypotheses)
      if (h.state === "open" && h.sources.some((id) => cause.sources.includes(id))) h.state = "confirmed";
    hypotheses.push(cause);
  }

  closeWaits(waits, waitAt, statements);
  const outcome = {
    status: session.status,
    resolution: session.resolutionSummary,
    escalation: session.escalationReason,
  };
  const stage = heldBack(statements, facts.status, cause);
  const open = waits.filter((w) => w.open);
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
    waitingOn: stage === "resolved" ? null : (open.at(-1) ?? null),
    statements: [...statements],
  };
}

function waitsOnSomeone(s: ReadStatement): boolean {
  // A question to a colleague in the thread ("@sam you did the swap, right?") asks for a fact, not for work.
  if (/^\s*<?@/.test(s.text) && s.act === "ask") return false;
  if (s.act === "wait" || s.act === "ask" || s.ruleWait) return true;
  if (s.act === "action_planned" && (s.actor === "client" || s.actor === "vendor" || s.actor === "colleague"))
    return true;
  if (s.act === "nothing_done" && HOLD_REASON.test(s.text)) return true;
  return (s.act === "action_planned" || s.act === "nothing_done") && s.waitingOn !== null;
}

/** "Haven't changed anything yet - need Derek's approval": holding off names what it waits for. */
const HOLD_REASON =
  /\b(?:need|needs|until|til+|approv\w*|ok|okay|go-?ahead|sign-?off|waiting|before|confirms?|hear back)\b/i;

/**
 * The cause standing now, as a clean clause: the rule reader's diagnosis, or
 * the statement it points back at ("That's why the service can't start",
 * "Bingo"); when the rules name none, the last cause the statement reader is
 * sure of, once the session is past investigating.
 */
function standingCause(
  statements: readonly ReadStatement[],
  diagnosis: { text: string; at: Date } | null,
  stage: InferredStatus,
): Hypothesis | null {
  const confirmed = (text: string, from: readonly ReadStatement[]): Hypothesis => ({
    text,
    sources: [...new Set(from.map((s) => s.source))],
    at: from.at(-1)!.at,
    state: "confirmed",
    certainty: "certain",
  });
  if (diagnosis) {
    const at = statements.findIndex(
      (s) =>
        s.at.getTime() === diagnosis.at.getTime() && diagnosis.text.includes(causeClause(s.text) ?? "\u0000"),
    );
    const clause = causeClause(diagnosis.text);
    if (clause && !isFragment(clause) && !pointsBack(clause))
      return confirmed(
        clause,
        at >= 0 ? [statements[at]!] : statements.filter((s) => s.at.getTime() === diagnosis.at.getTime()),
      );
    if (at > 0) {
      const before = statements
        .slice(Math.max(0, at - 3), at)
        .reverse()
        .find((s) => s.act !== "chatter" && s.act !== "greeting" && s.author !== "assistant");
      const beforeClause = before ? causeClause(before.text) : null;
      if (before && beforeClause && !isFragment(beforeClause))
        return confirmed(beforeClause, [before, statements[at]!]);
    }
    return null;
  }
  if (stage === "investigating") return null;
  const stated = statements.filter(
    (s) => s.act === "cause" && s.author === "engineer" && s.confidence >= 0.6 && !s.refersBack,
  );
  for (const s of stated.reverse()) {
    const clause = causeClause(s.text);
    if (clause && !isFragment(clause) && !pointsBack(clause)) return confirmed(clause, [s]);
  }
  return null;
}

const NAME_AFTER = /\b(?:on|from|til|till|until|for|by|ask|asked|with|when)\s+([A-Z][a-z]+)\b/;
const NAME_BEFORE =
  /\b([A-Z][a-z]+)(?:['’]s)?\s+(?:ok|okay|approval|go-ahead|sign-?off|to (?:approve|confirm|test|call|reply))\b/i;

function waitOf(s: ReadStatement, session: SessionSnapshot): Wait {
  const contactFirst = session.ticket.contact?.split(/\s+/)[0];
  const named =
    (contactFirst && new RegExp(`\\b${contactFirst.replace(/[^\p{L}]/gu, "")}\\b`, "i").test(s.text)
      ? contactFirst
      : undefined) ??
    NAME_AFTER.exec(s.text)?.[1] ??
    NAME_BEFORE.exec(s.text)?.[1];
  const who = named ? named.charAt(0).toUpperCase() + named.slice(1).toLowerCase() : undefined;
  return { ...item(s), on: partyOf(s), who, open: true };
}

/** On whom a wait hangs: the rule reader's word for approvals, vendors and processes, else the learned reader's. */
function partyOf(s: ReadStatement): WaitParty {
  if (s.waitingOn === "internal") return "internal";
  if (s.act === "action_planned" && s.actor === "client") return "client";
  if (s.act === "action_planned" && s.actor === "vendor") return "vendor";
  if (s.act === "action_planned" && s.actor === "colleague") return "internal";
  if (s.ruleWait && s.ruleWait !== "someone") return s.ruleWait;
  return s.waitingOn ?? "client";
}

/** A wait is over once later messages show the work moving again: a change made, a verification, a newer wait. */
function closeWaits(waits: Wait[], waitAt: readonly number[], statements: readonly ReadStatement[]): void {
  waits.forEach((wait, k) => {
    const message = statements[waitAt[k]!]!.message;
    for (let j = waitAt[k]! + 1; j < statements.length && wait.open; j++) {
      const s = statements[j]!;
      if (s.message === message) continue;
      if (s.act === "verification" && !s.negated) wait.open = false;
      else if (wait.on !== "process" && s.act === "action_done" && s.change) wait.open = false;
    }
  });
  for (let i = 0; i < waits.length - 1; i++)
    if (waits[i]!.open) waits[i]!.open = waits[i + 1]!.at <= waits[i]!.at;
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
  "chatter",
]);
const NOT_DONE_SURE = 0.35;

/** A change the rules see counts as made unless the statement reader is fairly sure it is not work done. */
const counts = (s: ReadStatement) => !(NOT_DONE.has(s.act) && s.confidence >= NOT_DONE_SURE);

/**
 * The rule reader's stage, unless none of the changes it counts as fix work
 * reads as done: "haven't changed anything yet", a plan, a question, a finding. Then the
 * session is "identified" when a cause stands, else "investigating". A
 * change stops counting once the engineer says after it that nothing is
 * changed yet.
 */
function heldBack(
  statements: readonly ReadStatement[],
  stage: InferredStatus,
  cause: Hypothesis | null,
): InferredStatus {
  if (stage !== "implementing") return stage;
  let standing = false;
  for (const s of statements) {
    if (s.author !== "engineer") continue;
    if (s.change && counts(s)) standing = true;
    else if (s.act === "nothing_done" && s.confidence >= SURE) standing = false;
  }
  if (standing) return stage;
  return cause ? "identified" : "investigating";
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
  const account = accountOf(reader.out, session, ruleFacts);
  const sinceLast = ruleFacts.sinceLast
    ? { ...ruleFacts.sinceLast, statusChanged: ruleFacts.sinceLast.previous.sessionStatus !== account.stage }
    : null;
  return { account, facts: { ...ruleFacts, status: account.stage, sinceLast } };
}
