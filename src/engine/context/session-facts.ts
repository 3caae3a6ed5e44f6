import { looksLikeInstruction } from "../guardrails/index.ts";
import type { InferredStatus, PreviousUpdate, SessionMessage, SessionSnapshot } from "../types.ts";
import { expandAbbreviations } from "./abbreviations.ts";
import { inferStatus } from "./infer-status.ts";
import { tidySecretMarkers } from "./secret-markers.ts";
import { asListItem, capitalize, splitSentences } from "./sentences.ts";
import { type ClassifiedStatement, classifyStatement, DIAGNOSIS_POINTER } from "./statement-kinds.ts";
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

export interface SinceLast {
  previous: PreviousUpdate;
  /** Facts from messages written after the previous update. */
  newFacts: Fact[];
  statusChanged: boolean;
}

const MAX_STEPS = 30;
const MAX_RULED_OUT = 12;
const MAX_NEXT = 8;
const RECOMMENDATION =
  /\b(?:recommend|going forward|to prevent|in future|in the future|should (?:consider|review|schedule|enable|set up))\b/i;

interface Sorted {
  problem: Fact[];
  steps: Fact[];
  ruledOut: Fact[];
  diagnosis: Fact | null;
  diagnosisIndex: number;
  fixWork: Fact[];
  verified: Fact[];
  nextSteps: Fact[];
  nextStepsIndex: number;
  suggestedChecks: Fact[];
  suggestedIndex: number;
  recommendations: Fact[];
  ignoredInstructions: number;
  lastFixIndex: number;
  lastInProgressIndex: number;
}

/** Builds the facts for one update from the whole session. */
export function buildSessionFacts(session: SessionSnapshot): SessionFacts {
  const clean = (text: string) => expandAbbreviations(tidySecretMarkers(text));
  const sorted = sortMessages(session.messages, clean);
  const status = inferStatus({
    sessionStatus: session.status,
    hasDiagnosis: sorted.diagnosis !== null,
    fixAfterDiagnosis: sorted.diagnosis !== null && sorted.lastFixIndex > sorted.diagnosisIndex,
    fixWithoutDiagnosis: sorted.lastInProgressIndex >= 0,
  });
  const previous = session.previousUpdates.at(-1);
  const sinceLast = previous
    ? {
        previous,
        newFacts: factsSince(session.messages.slice(previous.messageCount), clean),
        statusChanged: previous.sessionStatus !== status,
      }
    : null;

  return {
    status,
    timeSpentMinutes: timeSpentMinutes(session.startedAt, session.now, session.pauses),
    ticketId: session.ticket.id,
    summary: session.ticket.summary?.trim() || undefined,
    clientName: session.ticket.company?.trim() || undefined,
    contactName: session.ticket.contact?.trim() || undefined,
    engineerName: session.engineer.name?.trim() || undefined,
    mspCompany: session.engineer.company?.trim() || undefined,
    problem: sorted.problem.slice(0, 4),
    steps: capSteps(sorted.steps),
    ruledOut: dedupe(sorted.ruledOut).slice(0, MAX_RULED_OUT),
    diagnosis: sorted.diagnosis,
    fixWork: dedupe(sorted.fixWork).slice(-6),
    verified: dedupe(sorted.verified).slice(-4),
    nextSteps:
      sorted.nextStepsIndex >= sorted.suggestedIndex ? dedupe(sorted.nextSteps).slice(-MAX_NEXT) : [],
    suggestedChecks: sorted.suggestedIndex > sorted.nextStepsIndex ? sorted.suggestedChecks : [],
    recommendations: dedupe(sorted.recommendations).slice(-5),
    ignoredInstructions: sorted.ignoredInstructions,
    resolutionSummary: session.resolutionSummary ? clean(session.resolutionSummary) : undefined,
    escalationReason: session.escalationReason ? clean(session.escalationReason) : undefined,
    sinceLast,
    messageCount: session.messages.length,
  };
}

function sortMessages(messages: readonly SessionMessage[], clean: (t: string) => string): Sorted {
  const s: Sorted = {
    problem: [],
    steps: [],
    ruledOut: [],
    diagnosis: null,
    diagnosisIndex: -1,
    fixWork: [],
    verified: [],
    nextSteps: [],
    nextStepsIndex: -1,
    suggestedChecks: [],
    suggestedIndex: -1,
    recommendations: [],
    ignoredInstructions: 0,
    lastFixIndex: -1,
    lastInProgressIndex: -1,
  };
  let seenEngineer = false;
  messages.forEach((message, index) => {
    if (looksLikeInstruction(message.text)) {
      s.ignoredInstructions += 1;
      return;
    }
    const text = clean(message.text);
    if (message.author === "assistant") {
      s.suggestedChecks = splitSentences(text).map((t) => ({ text: asListItem(t), at: message.at }));
      s.suggestedIndex = index;
      return;
    }
    if (message.author === "client") {
      s.problem.push({ text: `Client: ${asListItem(text)}`, at: message.at });
      return;
    }
    const isFirst = !seenEngineer;
    seenEngineer = true;
    absorbEngineerMessage(s, text, message.at, index, isFirst);
  });
  return s;
}

function absorbEngineerMessage(s: Sorted, text: string, at: Date, index: number, isFirst: boolean): void {
  const sentences = splitSentences(text);
  const classified = sentences.map((sentence) => classifyStatement(sentence, isFirst));
  const diagnosisParts: string[] = [];
  let freshNext = false;
  classified.forEach((c, i) => {
    if (RECOMMENDATION.test(c.text)) s.recommendations.push({ text: asListItem(c.text), at });
    if (c.kind === "diagnosis") {
      if (DIAGNOSIS_POINTER.test(c.text)) {
        // "X expired. That's the root cause." — the previous sentence is the cause.
        const previous = classified[i - 1];
        if (previous && previous.kind !== "diagnosis") {
          diagnosisParts.push(previous.text);
          removeLast(s.steps, previous.text);
        }
      } else {
        diagnosisParts.push(c.text);
      }
      return;
    }
    absorbStatement(s, c, at, index, isFirst);
    if (c.kind === "next") freshNext = true;
  });
  if (diagnosisParts.length > 0) {
    s.diagnosis = {
      text: capitalize(diagnosisParts.join(" ").replace(/^(?:so|and|but|ok(?:ay)?|yes|yep)[,!]?\s+/i, "")),
      at,
    };
    s.diagnosisIndex = index;
  }
  if (freshNext) s.nextStepsIndex = index;
}

function absorbStatement(s: Sorted, c: ClassifiedStatement, at: Date, index: number, isFirst: boolean): void {
  const fact = (text: string): Fact => ({ text: asListItem(text), at });
  switch (c.kind) {
    case "chatter":
      return;
    case "symptom":
      s.problem.push(fact(c.text));
      return;
    case "ruled_out":
      // "X looks fine - detail" and "A answers, so not B" also record what was checked.
      if (!/^(?:ruled?|ruling) out\b/i.test(c.text)) s.steps.push(fact(c.text));
      s.ruledOut.push(fact(c.object ?? c.text));
      return;
    case "next":
      if (s.nextStepsIndex !== index) {
        // A new plan replaces the previous one.
        s.nextSteps = [];
        s.nextStepsIndex = index;
      }
      for (const part of c.text.split(/,?\s+then\s+|;\s*|,\s+and then\s+/i)) {
        if (part.trim()) s.nextSteps.push(fact(part));
      }
      return;
    case "in_progress":
      s.lastInProgressIndex = index;
      s.fixWork.push(fact(c.text));
      s.lastFixIndex = index;
      return;
    case "fix_applied":
    case "verified":
      // Before a cause is stated, changes and checks are troubleshooting steps.
      if (!s.diagnosis && s.diagnosisIndex < 0) {
        s.steps.push(fact(c.text));
        return;
      }
      (c.kind === "verified" ? s.verified : s.fixWork).push(fact(c.text));
      s.lastFixIndex = index;
      return;
    default:
      if (isFirst) s.problem.push(fact(c.text));
      else s.steps.push(fact(c.text));
  }
}

function factsSince(messages: readonly SessionMessage[], clean: (t: string) => string): Fact[] {
  return messages
    .filter((m) => m.author === "engineer" && !looksLikeInstruction(m.text))
    .flatMap((m) =>
      splitSentences(clean(m.text))
        .map((t) => classifyStatement(t, false))
        .filter((c) => c.kind !== "chatter")
        .map((c) => ({ text: asListItem(c.text), at: m.at })),
    );
}

function removeLast(facts: Fact[], text: string): void {
  const target = asListItem(text);
  for (let i = facts.length - 1; i >= 0; i--) {
    if (facts[i]!.text === target) {
      facts.splice(i, 1);
      return;
    }
  }
}

const normalizeForDedupe = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();

function dedupe(facts: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of facts) {
    const key = normalizeForDedupe(f.text);
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

function informativeness(text: string): number {
  let score = Math.min(text.length, 160) / 160;
  if (/[-—–:]|\b(?:shows?|showed|returns?|returned|found|is|are|was|were|no |not )\b/i.test(text)) score += 1;
  if (/\b(?:error|fail|expired|blocked|missing|wrong|corrupt|full|disabled|stuck)\w*/i.test(text)) score += 1;
  return score;
}
