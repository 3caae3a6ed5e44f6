import type { ReminderStepContent, StatusUpdateStepContent } from "../steps.ts";
import type { CommunicationTemplates } from "../templates.ts";
import type { Audience, SessionSnapshot, SessionStatus } from "../types.ts";
import type { AccountRef, ActorRef, Place, ThreadRef } from "./types.ts";

/**
 * What the conversation core needs from persistence. src/db implements it on
 * Prisma; the core never sees Prisma types.
 */
export interface AccountInfo {
  id: string;
  companyName: string;
  templates: CommunicationTemplates;
}

export interface UserInfo {
  id: string;
  displayName: string;
  isAdmin: boolean;
  /** The PSA member this engineer posts notes as, when mapped. */
  psaMemberId?: string | null;
}

export interface SessionInfo {
  id: string;
  accountId: string;
  ticketId: string | null;
  /** The engineer who owns the session, by display name. */
  engineerName: string | null;
  ticketSummary: string | null;
  clientCompany: string | null;
  clientContact: string | null;
  status: SessionStatus;
  conversationId: string | null;
  threadId: string | null;
  /** The header message the bot posted at the start (refreshed when Share Update becomes available). */
  headerMessageId?: string | null;
  platform: AccountRef["platform"];
  /** Where to reach the session's conversation proactively (reminders); null for API sessions. */
  thread: ThreadRef | null;
  startedAt: Date;
}

export interface StoredUpdate extends StatusUpdateStepContent {
  id: string;
  sessionId: string;
  createdAt: Date;
}

export interface StoredReminder extends ReminderStepContent {
  id: string;
  sessionId: string;
}

export interface ClaimedReminder extends StoredReminder {
  session: SessionInfo;
}

export interface NewSession {
  accountId: string;
  engineerId: string;
  ticketId?: string;
  ticketSummary?: string;
  clientCompany?: string;
  clientContact?: string;
  /** The chat conversation the session lives in, with its routing; none for sessions created through the REST API. */
  thread?: ThreadRef;
}

export interface ConversationStore {
  ensureAccount(ref: AccountRef): Promise<AccountInfo>;
  ensureUser(accountId: string, actor: ActorRef): Promise<UserInfo>;
  updateTemplates(accountId: string, templates: CommunicationTemplates): Promise<void>;
  /** Maps (or, with null, unmaps) an engineer to the PSA member their notes are posted as. */
  setPsaMember(userId: string, memberIdentifier: string | null): Promise<void>;
  /** The engineer's new name, for them and for their open sessions' next updates; says how many open sessions took it. */
  renameUser(userId: string, displayName: string): Promise<{ openSessions: number }>;
  /** The MSP's company name, used in email sign-offs. */
  updateCompanyName(accountId: string, companyName: string): Promise<void>;
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
  /**
   * Several messages in order, in one transaction: all are stored or none.
   * Returns the session's message count as that transaction left it.
   */
  appendMessages(
    sessionId: string,
    messages: {
      author: "engineer" | "assistant" | "client";
      text: string;
      platformMessageId?: string;
      authorName?: string;
    }[],
  ): Promise<{ messageCount: number }>;
  countMessages(sessionId: string): Promise<number>;
  /**
   * Claims a key for a while: true for the first caller, false while an
   * earlier claim lives, across processes. Retried deliveries and the
   * debounce window use it.
   */
  claimOnce(accountId: string, key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Ends a claim early (a lease whose work is done). */
  releaseClaim(accountId: string, key: string): Promise<void>;
  /** The result the claim's work stored, or null (not finished, or no live claim). */
  claimResult(accountId: string, key: string): Promise<unknown | null>;
  saveClaimResult(accountId: string, key: string, result: unknown): Promise<void>;
  /** The texts of the session's newest messages, oldest first. */
  recentMessages(sessionId: string, limit: number): Promise<string[]>;
  loadSnapshot(sessionId: string, now: Date): Promise<SessionSnapshot>;
  /** Stores an update; returns it as stored. */
  recordUpdate(sessionId: string, content: StatusUpdateStepContent): Promise<StoredUpdate>;
  getUpdate(sessionId: string, updateId: string): Promise<StoredUpdate | null>;
  patchUpdate(updateId: string, patch: Partial<StatusUpdateStepContent>): Promise<StoredUpdate>;
  /**
   * The session's updates, oldest first; with a page, the `limit` that follow
   * update `after` (an id from an earlier page; another is invalid_input).
   */
  listUpdates(sessionId: string, page?: { after?: string; limit: number }): Promise<StoredUpdate[]>;
  createReminder(
    sessionId: string,
    reminder: {
      remindAt: Date;
      audience: Audience;
      updateId?: string;
      requestedBy?: string;
      /** The requester's platform user id: the reminder mentions them. */
      requestedByUserId?: string;
    },
  ): Promise<string>;
  listPendingReminders(sessionId: string): Promise<StoredReminder[]>;
  cancelPendingReminders(sessionId: string, reason: string): Promise<number>;
  /** Atomically marks due pending reminders of one platform fired and returns them: each once, across processes. */
  claimDueReminders(now: Date, limit: number, platform: AccountRef["platform"]): Promise<ClaimedReminder[]>;
  /** The claimed reminder was shown. */
  markReminderFired(reminderId: string, at: Date): Promise<void>;
  /** Showing the claimed reminder failed: try again from `retryAt`. */
  retryReminder(reminderId: string, retryAt: Date, error: string): Promise<void>;
}
