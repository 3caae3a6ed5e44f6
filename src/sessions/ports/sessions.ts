import type { NewSession, Place, SessionInfo } from "../types.ts";

/** Sessions: where they are found, how they start, where their header is, their lifecycle. */
export interface SessionStore {
  /** The open (active or paused) session in a place, newest first. */
  findOpenSession(accountId: string, place: Place): Promise<SessionInfo | null>;
  /**
   * The newest open session anywhere in a conversation, threads included: a
   * Slack slash command carries the channel but not the thread it was typed in.
   */
  findOpenSessionInConversation(accountId: string, conversationId: string): Promise<SessionInfo | null>;
  /** A user's open sessions, newest first (Slack's App Home lists them). */
  listOpenSessionsOf(accountId: string, userId: string, limit: number): Promise<SessionInfo[]>;
  /** The newest session in a place whatever its status (updates work after resolve). */
  findLatestSession(accountId: string, place: Place): Promise<SessionInfo | null>;
  /** A session of this account, or null (another account's sessions do not exist for it). */
  getSession(accountId: string, sessionId: string): Promise<SessionInfo | null>;
  createSession(input: NewSession): Promise<SessionInfo>;
  /** The session header's message, to refresh it in place later. */
  setHeaderMessage(sessionId: string, messageId: string): Promise<void>;
  /** A channel-level session moves into the thread its header started; a threaded one stays. */
  moveSessionToThread(sessionId: string, threadId: string): Promise<void>;
  pauseSession(sessionId: string, reason?: string): Promise<void>;
  resumeSession(sessionId: string): Promise<void>;
  resolveSession(sessionId: string, summary: string): Promise<void>;
  escalateSession(sessionId: string, reason: string): Promise<void>;
}
