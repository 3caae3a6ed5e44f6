import type { PostOutcome } from "../../domain/index.ts";
import type { InferredStatus, MessageAuthor, SessionStatus } from "../../engine/types.ts";
import type { SessionDeps } from "../deps.ts";
import type { AccountInfo, StoredUpdate } from "../types.ts";

/** Resolves a presented bearer token to its account (src/db implements it); null when unknown or revoked. */
export interface ApiTokenVerifier {
  verify(token: string): Promise<AccountInfo | null>;
}

/** What the API service needs: the session use cases' deps, plus token checks. */
export type ApiDeps = SessionDeps & {
  tokens: ApiTokenVerifier;
};

/** The authenticated caller: every call is scoped to this account. */
export interface ApiCaller {
  account: AccountInfo;
}

export interface ApiEngineer {
  /** The caller's own id for the engineer (stable across calls). */
  id: string;
  name: string;
}

export interface NewApiSession {
  ticketId: string;
  ticketSummary?: string;
  clientCompany?: string;
  clientContact?: string;
  engineer: ApiEngineer;
}

/** A session as the API reports it: stored fields plus what the engine infers from the timeline. */
export interface SessionOverview {
  id: string;
  ticketId: string | null;
  ticketSummary: string | null;
  clientCompany: string | null;
  clientContact: string | null;
  engineerName: string | null;
  status: SessionStatus;
  /** The troubleshooting progress inferred from the messages. */
  sessionStatus: InferredStatus;
  startedAt: Date;
  messageCount: number;
  updatesCount: number;
  timeSpentMinutes: number;
  resolutionSummary: string | null;
  escalationReason: string | null;
}

export interface ApiMessageInput {
  author?: MessageAuthor;
  authorName?: string;
  text: string;
}

/** What Post to Ticket did, for the session's ticket. */
export type TicketPostResult = PostOutcome & { ticketId: string };

/** One page of a session's updates, oldest first; `nextAfter` is the last one's id when more may follow. */
export interface UpdatePage {
  updates: StoredUpdate[];
  nextAfter: string | null;
}
