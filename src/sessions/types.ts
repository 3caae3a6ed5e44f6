import type { PlatformKind } from "../domain/index.ts";
import type { CommunicationTemplates } from "../engine/templates.ts";
import type { SessionStatus } from "../engine/types.ts";
import type { ReminderStepContent, StatusUpdateStepContent } from "./steps.ts";

/**
 * The session vocabulary: who acts (account, actor), where a session lives
 * (place, thread) and what is stored of it (session, update, reminder).
 * Chat, the REST API and the database speak these shapes; none of them is a
 * platform's or Prisma's.
 */

export interface AccountRef {
  platform: PlatformKind;
  /** Slack team id, Teams tenant id, API tenant, "local" for the console. */
  externalId: string;
  name?: string;
}

export interface ActorRef {
  platformUserId: string;
  /** Empty or absent when the event does not carry it: the core asks the surface. */
  displayName?: string;
  /** Whether the platform says this user administers the workspace/team; absent: the core asks the surface. */
  isAdmin?: boolean;
}

/** Where a session lives, as the store finds it: a channel/conversation and, optionally, a thread in it. */
export interface Place {
  conversationId: string;
  threadId?: string;
}

/**
 * A conversation as an adapter addresses it: the account (which bot token,
 * which Teams tenant), the place, and the platform's routing data (a Teams
 * conversation reference with its service URL). The core stores `routing`
 * with the session for proactive sends (reminders) and hands it back; it
 * never reads it.
 */
export interface ThreadRef extends Place {
  account: AccountRef;
  routing?: Record<string, unknown>;
}

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
  platform: PlatformKind;
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
