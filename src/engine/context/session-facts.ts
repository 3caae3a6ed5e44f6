import { cleanField } from "../intake/clean-field.ts";
import type { InferredStatus, PreviousUpdate, SessionMessage, SessionSnapshot } from "../types.ts";
import { workSlices } from "../work-slices.ts";
import { cleanForReading, readMessageText } from "./message-text.ts";
import { inferStage } from "./roles/session-stage.ts";
import {
  classifyStatement,
  forgetReadStatements,
  type Statement,
  type StatementRole,
  type WaitingOn,
} from "./roles/statement-roles.ts";
import { asListItem, capitalize } from "./sentences.ts";
import { memoByText } from "./text-memo.ts";
import { timeSpentMinutes } from "./time-spent.ts";

/** One technical fact taken from the session (its secrets were replaced by markers at intake). */
export interface Fact {
  text: string;
  at: Date;
}

/**
 * What the session says, sorted into the parts of a status update. Built once
 * per update from the whole session; secrets in it are markers such as
 * "[password removed]", which client-facing writers leave out.
 */
export interface SessionFacts {
  status: InferredStatus;
  timeSpentMinutes: number;
  ticketId?: string;
  summary?: string;
  clientName?: string;
  contactName?: string;
  engineerName?: string;
  mspCompany?: string;
  /** The reported problem: the opening description of symptoms. */
  problem: Fact[];
  /** Things checked or done, with what they showed. */
  steps: Fact[];
  ruledOut: Fact[];
  /** The current diagnosis (latest stated cause), if any. */
  diagnosis: Fact | null;
  /** Fix work under way or applied, after the diagnosis. */
  fixWork: Fact[];
  /** Statements that the fix works. */
  verified: Fact[];
  nextSteps: Fact[];
  /** What the work waits on now: the client (approval, a window), a vendor, or a process taking effect. */
  waiting: WaitingFact[];
  /** Stopgaps that keep the client working meanwhile ("workaround: use the web app"). */
  workarounds: Fact[];
  /** The assistant's latest suggestions, used as next checks when the engineer named none. */
  suggestedChecks: Fact[];
  recommendations: Fact[];
  /** Messages left out because they read as instructions to the AI (pasted emails, injections). */
  ignoredInstructions: number;
  resolutionSummary?: string;
  escalationReason?: string;
  sinceLast: SinceLast | null;
  messageCount: number;
}

export interface WaitingFact extends Fact {
  on: WaitingOn;
}

export interface SinceLast {
  previous: PreviousUpdate;
  /** Facts from messages written after the previous update. */
  newFacts: Fact[];
  /** The roles of those facts, in the same order. */
  newRoles: StatementRole[];
  statusChanged: boolean;
}

const MAX_STEPS = 30;
const MAX_RULED_OUT = 12;
const MAX_NEXT = 8;
const RECOMMENDATION =
  /\b(?:recommend|going forward|to prevent|in future|in the future|next time|should (?:consider|review|schedule|enable|set up))\b/i;

/** One statement an engineer made, with its role and where it came from. */
interface Told {
  statement: Statement;
  at: Date;
  message: number;
  /** From the engineer's first message, which describes the problem. */
  first: boolean;
}

interface Reading {
  told: Told[];
  problem: Fact[];
  suggestedChecks: Fact[];
  suggestedIndex: number;
  ignoredInstructions: number;
}

/** Builds the facts for one update from the whole session. */
export function buildSessionFacts(session: SessionSnapshot): SessionFacts {
  const reading = readMessages(session.messages);
  const told = reading.told;
  const stage = inferStage(
    told.map((t) => t.statement),
    session.status,
    told.map((t) => t.message),
  );
  const status = stage.status;
  const fact = (t: Told, text = t.statement.text): Fact => ({ text: listItem(text), at: t.at });

  const steps: Fact[] = [];
  const ruledOut: Fact[] = [];
  const fixWork: Fact[] = [];
  const verified: Fact[] = [];
  const recommendations: Fact[] = [];
  const pointedAt = new Set<number>();
  const diagnosisParts: string[] = [];
  if (stage.causeAt >= 0) {
    const message = told[stage.causeAt]!.message;
    told.forEach((t, i) => {
      if (t.message !== message || t.statement.role !== "cause") return;
      if (t.statement.pointer) {
        const previous = told[i - 1];
        if (previous && previous.message === message && previous.statement.role !== "cause") {
          diagnosisParts.push(previous.statement.text);
          pointedAt.add(i - 1);
        } else if (diagnosisParts.length === 0) diagnosisParts.push(t.statement.text);
      } else diagnosisParts.push(t.statement.text);
    });
  }
  const diagnosis: Fact | null =
    diagnosisParts.length > 0
      ? {
          text: capitalize(
            diagnosisParts.join(" ").replace(/^(?:so|and|but|ok(?:ay)?|yes|yep)[,!]?\s+/i, ""),
          ),
          at: told[stage.causeAt]!.at,
        }
      : null;

  let plan: { message: number; facts: Fact[] } = { message: -1, facts: [] };
  const waiting: WaitingFact[] = [];
  const settledAt = Math.max(stage.causeAt, stage.fixFrom);
  told.forEach((t, i) => {
    const s = t.statement;
    if (recommends(s.text)) recommendations.push(fact(t));
    if (pointedAt.has(i)) return;
    const inFix = stage.fixFrom >= 0 && i >= stage.fixFrom;
    switch (s.role) {
      case "chatter":
      case "aside":
      case "symptom":
        if (s.role === "symptom" && !t.first) steps.push(fact(t));
        return;
      case "cause":
        if (t.message !== told[stage.causeAt]?.message) steps.push(fact(t));
        return;
      case "ruled_out":
        // "X looks fine - detail" and "A answers, so not B" also record what was checked.
        if (!/^(?:ruled?|ruling) out\b/i.test(s.text)) steps.push(fact(t));
        ruledOut.push(fact(t, s.object ?? s.text));
        return;
      case "next":
        if (plan.message !== t.message) plan = { message: t.message, facts: [] };
        for (const part of s.text.replace(NEXT_LABEL, "").split(/,?\s+then\s+|;\s*|,\s+and then\s+/i)) {
          if (part.trim()) plan.facts.push(fact(t, part));
        }
        return;
      case "waiting":
        if (i >= settledAt) waiting.push({ ...fact(t), on: s.waitingOn ?? "someone" });
        if (inFix && s.waitingOn === "process") fixWork.push(fact(t));
        else steps.push(fact(t));
        return;
      case "fix":
      case "fix_in_progress":
        (inFix ? fixWork : steps).push(fact(t));
        return;
      case "verification":
        (inFix ? verified : steps).push(fact(t));
        return;
      default:
        steps.push(fact(t));
    }
  });

  const previous = session.previousUpdates.at(-1);
  const fresh = previous
    ? told.filter((t) => t.message >= previous.messageCount && !QUIET.has(t.statement.role))
    : [];
  const sinceLast = previous
    ? {
        previous,
        newFacts: fresh.map((t) => fact(t)),
        newRoles: fresh.map((t) => t.statement.role),
        statusChanged: previous.sessionStatus !== status,
      }
    : null;
  const workarounds = told
    .filter((t) => offersWorkaround(t.statement.text) && !QUIET.has(t.statement.role))
    .map((t) => fact(t));
  const field = (text: string | undefined) => (text ? cleanField(text) || undefined : undefined);
  const resolutionSummary = field(session.resolutionSummary);
  const escalationReason = field(session.escalationReason);

  return {
    status,
    timeSpentMinutes: timeSpentMinutes(session.startedAt, session.now, session.pauses),
    ticketId: field(session.ticket.id),
    summary: field(session.ticket.summary),
    clientName: field(session.ticket.company),
    contactName: field(session.ticket.contact),
    engineerName: field(session.engineer.name),
    mspCompany: field(session.engineer.company),
    problem: reading.problem.slice(0, 4),
    steps: capSteps(steps),
    ruledOut: dedupe(ruledOut).slice(0, MAX_RULED_OUT),
    diagnosis,
    fixWork: dedupe(fixWork).slice(-6),
    verified: dedupe(verified).slice(-4),
    nextSteps: plan.message >= reading.suggestedIndex ? dedupe(plan.facts).slice(-MAX_NEXT) : [],
    waiting: waiting.slice(-3),
    workarounds: dedupe(workarounds).slice(-2),
    suggestedChecks: reading.suggestedIndex > plan.message ? reading.suggestedChecks : [],
    recommendations: dedupe(recommendations).slice(-5),
    ignoredInstructions: reading.ignoredInstructions,
    resolutionSummary: resolutionSummary ? cleanForReading(resolutionSummary) : undefined,
    escalationReason: escalationReason ? cleanForReading(escalationReason) : undefined,
    sinceLast,
    messageCount: session.messages.length,
  };
}

const WORKAROUND =
  /\b(?:workaround|work-around|in the meantime|meanwhile|until (?:then|that is (?:sorted|fixed|done))|stop-?gap)\b/i;

/** Roles that never reach an update. */
const QUIET = new Set(["chatter", "aside"]);
const NEXT_LABEL =
  /^(?:next(?: steps?| up)?|then|plan(?: for \w+)?|todo|to do|follow-? ?ups?)\s*[:\-—–,]\s*/i;

// What an update asks of each statement, remembered by text like the statement itself.
const MEMO_LIMIT = 50_000;
const listItem = memoByText(asListItem, MEMO_LIMIT);
const recommends = memoByText((text) => RECOMMENDATION.test(text), MEMO_LIMIT);
const offersWorkaround = memoByText((text) => WORKAROUND.test(text), MEMO_LIMIT);
const dedupeKey = memoByText(
  (text) =>
    text
      .toLowerCase()
      .replace(/[^a-z]+/g, " ")
      .trim(),
  MEMO_LIMIT,
);
const informativeness = memoByText((text) => {
  let score = Math.min(text.length, 160) / 160;
  if (/[-—–:]|\b(?:shows?|showed|returns?|returned|found|is|are|was|were|no |not )\b/i.test(text)) score += 1;
  if (/\b(?:error|fail|expired|blocked|missing|wrong|corrupt|full|disabled|stuck)\w*/i.test(text)) score += 1;
  return score;
}, MEMO_LIMIT);

/** Everything an update reads off one statement, read ahead of time. */
function readAhead(statement: Statement): void {
  const item = listItem(statement.text);
  dedupeKey(item);
  informativeness(item);
  recommends(statement.text);
  offersWorkaround(statement.text);
}

/**
 * The facts of a session, as `buildSessionFacts` gives them, without holding
 * the process for a long session: its statements are read first a slice at a
 * time (into the memos), with other work served between slices, so building
 * the facts finds them read. Same reading, same result.
 */
export async function readSessionFacts(session: SessionSnapshot): Promise<SessionFacts> {
  await prereadSessionStatements(session);
  return buildSessionFacts(session);
}

async function prereadSessionStatements(session: SessionSnapshot): Promise<void> {
  const slice = workSlices();
  let engineerMessages = 0;
  for (const message of session.messages) {
    const text = readMessageText(message.text);
    if (message.author === "engineer" && !text.instruction) {
      const first = engineerMessages === 0;
      engineerMessages += 1;
      for (const sentence of text.sentences) readAhead(classifyStatement(sentence, { first }));
    }
    await slice();
  }
}

/** Drops every memo of reading (benchmarks measure a first update). */
export function forgetReadSessions(): void {
  for (const memo of [readMessageText, listItem, recommends, offersWorkaround, dedupeKey, informativeness])
    memo.clear();
  forgetReadStatements();
}

function readMessages(messages: readonly SessionMessage[]): Reading {
  const reading: Reading = {
    told: [],
    problem: [],
    suggestedChecks: [],
    suggestedIndex: -1,
    ignoredInstructions: 0,
  };
  let engineerMessages = 0;
  messages.forEach((message, index) => {
    const read = readMessageText(message.text);
    if (read.instruction) {
      reading.ignoredInstructions += 1;
      return;
    }
    const text = read.cleaned;
    if (message.author === "assistant") {
      reading.suggestedChecks = read.sentences.map((t) => ({ text: asListItem(t), at: message.at }));
      reading.suggestedIndex = index;
      return;
    }
    if (message.author === "client") {
      reading.problem.push({ text: `Client: ${asListItem(text)}`, at: message.at });
      return;
    }
    const first = engineerMessages === 0;
    engineerMessages += 1;
    for (const sentence of read.sentences) {
      const statement = classifyStatement(sentence, { first });
      if (first && statement.role === "symptom")
        reading.problem.push({ text: asListItem(sentence), at: message.at });
      reading.told.push({ statement, at: message.at, message: index, first });
    }
  });
  return reading;
}

function dedupe(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of facts) {
    const key = dedupeKey(f.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/** Steps always kept from the start of a long session: the first findings frame everything after. */
const EARLY_STEPS = 5;

/** Long sessions: keep the first findings and the most informative of the rest (those that report a result), in order. */
function capSteps(steps: readonly Fact[]): Fact[] {
  const unique = dedupe(steps);
  if (unique.length <= MAX_STEPS) return unique;
  const scored = unique
    .map((f, i) => ({ f, i, score: informativeness(f.text) + i / unique.length }))
    .slice(EARLY_STEPS);
  const keep = new Set([
    ...Array.from({ length: EARLY_STEPS }, (_, i) => i),
    ...scored
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_STEPS - EARLY_STEPS)
      .map((x) => x.i),
  ]);
  return unique.filter((_, i) => keep.has(i));
}
