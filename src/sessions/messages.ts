/**
 * Recording troubleshooting messages into a session's timeline: the rules
 * (a finished session's timeline is closed, an empty or over-long message is
 * refused, never cut) in one place; chat and the REST API word the refusal
 * their own way.
 */
import { isClosed, MAX_MESSAGE_CHARS, type MessageAuthor } from "../domain/index.ts";
import type { MessageStore } from "./ports/index.ts";
import type { SessionInfo } from "./types.ts";

export type MessageRefusal = "closed" | "empty" | "too_long";

/** Why this (already intaken) text cannot be recorded in the session, or null when it can. */
export function messageRefusal(session: SessionInfo, text: string): MessageRefusal | null {
  if (isClosed(session.status)) return "closed";
  if (!text.trim()) return "empty";
  if (text.length > MAX_MESSAGE_CHARS) return "too_long";
  return null;
}

export interface NewMessage {
  author: MessageAuthor;
  text: string;
  platformMessageId?: string;
  authorName?: string;
}

/**
 * Records messages in order, all or none (one transaction); refusals are
 * checked by the caller first. Returns the session's message count after it.
 */
export function recordMessages(
  deps: { store: MessageStore },
  session: SessionInfo,
  messages: NewMessage[],
): Promise<{ messageCount: number }> {
  return deps.store.appendMessages(session.id, messages);
}

/** The texts of the session's newest messages, oldest first (what the intent model's fallback reads). */
export function recentMessages(deps: { store: MessageStore }, sessionId: string, limit: number) {
  return deps.store.recentMessages(sessionId, limit);
}
