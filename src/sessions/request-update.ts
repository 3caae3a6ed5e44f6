/**
 * The rules an update request passes before anything is written, whoever
 * asks (a button, a phrase, a command, the REST API): the session needs
 * enough messages, and the same request repeated within a moment is one
 * request. Chat and REST word the refusal their own way.
 */
import {
  type Audience,
  type Length,
  MIN_MESSAGES_FOR_UPDATE,
  type UpdateContextKind,
} from "../domain/index.ts";
import type { SessionSnapshot } from "../engine/types.ts";
import type { MessageStore, ProcessedEventStore } from "./ports/index.ts";
import type { SessionInfo } from "./types.ts";

/** Repeated update requests for one session within this window are one request. */
export const DEFAULT_DEBOUNCE_MS = 3_000;

export interface Readiness {
  /** The session has the messages an update needs (spec: Edge Cases, "2 message exchanges"). */
  ready: boolean;
  messages: number;
  /** The session as read for the rule, when asked for: the update is written from this very read. */
  snapshot?: SessionSnapshot;
}

/** Whether the session can have an update yet; with `read`, the snapshot that was counted comes back too. */
export async function updateReadiness(
  deps: { store: MessageStore },
  session: SessionInfo,
  options: { now: Date; read?: boolean },
): Promise<Readiness> {
  const snapshot = options.read ? await deps.store.loadSnapshot(session.id, options.now) : undefined;
  const messages = snapshot ? snapshot.messages.length : await deps.store.countMessages(session.id);
  return { ready: readyWith(messages), messages, ...(snapshot ? { snapshot } : {}) };
}

/** Whether a session with this many messages can have an update. */
export function readyWith(messageCount: number): boolean {
  return messageCount >= MIN_MESSAGES_FOR_UPDATE;
}

/** The message count at which a session has just become ready for its first update. */
export function justBecameReady(messageCount: number): boolean {
  return messageCount === MIN_MESSAGES_FOR_UPDATE;
}

/**
 * True when the same update (audience, length, context) was asked for in
 * this session within the window: a double click or a repeated phrase, not a
 * new request. The first request claims the window atomically in the
 * database, so two clicks at once (or in two processes) cannot both pass.
 */
export async function isRepeatRequest(
  deps: { store: ProcessedEventStore },
  input: {
    accountId: string;
    session: SessionInfo;
    request: { audience: Audience; length: Length; context?: UpdateContextKind };
    now: Date;
    windowMs?: number;
  },
): Promise<boolean> {
  const window = input.windowMs ?? DEFAULT_DEBOUNCE_MS;
  if (window <= 0) return false;
  const { audience, length, context } = input.request;
  const key = `update:${input.session.id}:${audience}:${length}:${context ?? "auto"}`;
  return !(await deps.store.claimOnce(input.accountId, key, window, input.now));
}
