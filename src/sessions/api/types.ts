import type { PostOutcome } from "../../domain/index.ts";
import type { MessageAuthor } from "../../engine/types.ts";
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

export type { SessionOverview } from "../overview.ts";

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
