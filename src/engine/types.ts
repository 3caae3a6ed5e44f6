/**
 * Platform-neutral domain types shared by the engine, the writers, the
 * database layer and the adapters. Plain data only: no Slack/Teams/Prisma types.
 */

export {
  AUDIENCES,
  type Audience,
  INFERRED_STATUSES,
  type InferredStatus,
  LENGTHS,
  type Length,
  MESSAGE_AUTHORS,
  type MessageAuthor,
  SESSION_STATUSES,
  type SessionStatus,
  UPDATE_CONTEXTS,
  type UpdateContextKind,
} from "../domain/enums.ts";

import type {
  Audience,
  InferredStatus,
  Length,
  MessageAuthor,
  SessionStatus,
  UpdateContextKind,
} from "../domain/enums.ts";

export interface SessionMessage {
  at: Date;
  author: MessageAuthor;
  text: string;
}

export interface Pause {
  from: Date;
  /** null while the session is still paused. */
  to: Date | null;
}

/** A status update generated earlier in the same session ("since last update"). */
export interface PreviousUpdate {
  id?: string;
  audience: Audience;
  length: Length;
  context: UpdateContextKind;
  content: string;
  sessionStatus: InferredStatus;
  generatedAt: Date;
  /** How many messages the session had when this update was generated. */
  messageCount: number;
}

/**
 * Everything the engine needs to write an update, loaded from the database or
 * imported from a transcript. `now` is the clock used for time spent.
 */
export interface SessionSnapshot {
  id: string;
  ticket: { id?: string; summary?: string; company?: string; contact?: string };
  engineer: { name?: string; company?: string };
  status: SessionStatus;
  startedAt: Date;
  now: Date;
  pauses: Pause[];
  resolutionSummary?: string;
  escalationReason?: string;
  messages: SessionMessage[];
  previousUpdates: PreviousUpdate[];
  /**
   * True when every text already passed the intake (a stored session): the
   * writers then skip the secret scan. Transcripts from files are scanned.
   */
  secretsRedacted?: boolean;
}

export interface UpdateRequest {
  audience: Audience;
  /** Omitted: the team template's default length. */
  length?: Length;
  /** Omitted: inferred from the session status (resolved -> resolution, escalated -> escalation). */
  context?: UpdateContextKind;
}

/**
 * One update as written, before it is stored: the text and the session facts
 * it was written from. Plain domain data; the REST body that carries it is
 * shaped by the HTTP adapter (src/adapters/http/bodies.ts).
 */
export interface WrittenUpdate {
  content: string;
  audience: Audience;
  length: Length;
  context: UpdateContextKind;
  /** The troubleshooting progress inferred from the messages. */
  sessionStatus: InferredStatus;
  stepsCompleted: number;
  timeSpentMinutes: number;
  generatedAt: Date;
  /** Which writer produced `content`: the deterministic one or the LLM. */
  writer: "offline" | "llm";
  /** Set when the LLM was asked but its text was not used (outage, guardrail failure). */
  fallbackReason?: string;
  /** The LLM's sentences and the ids of the messages each rests on ("m3"); the text itself carries no ids. */
  sources?: SentenceSources[];
}

/** One sentence of a written update and the ids of the messages it rests on ("m3": the third message). */
export interface SentenceSources {
  sentence: string;
  ids: string[];
}
