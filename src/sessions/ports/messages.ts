import type { MessageAuthor, SessionSnapshot } from "../../engine/types.ts";

/** A session's timeline of troubleshooting messages, and the snapshot writers read. */
export interface MessageStore {
  /**
   * Several messages in order, in one transaction: all are stored or none.
   * Returns the session's message count as that transaction left it.
   */
  appendMessages(
    sessionId: string,
    messages: { author: MessageAuthor; text: string; platformMessageId?: string; authorName?: string }[],
  ): Promise<{ messageCount: number }>;
  countMessages(sessionId: string): Promise<number>;
  /** The texts of the session's newest messages, oldest first. */
  recentMessages(sessionId: string, limit: number): Promise<string[]>;
  loadSnapshot(sessionId: string, now: Date): Promise<SessionSnapshot>;
}
