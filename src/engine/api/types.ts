import type { AccountInfo } from "../conversation/store.ts";
import type { SessionDeps } from "../sessions/deps.ts";
import type { Delivery } from "../steps.ts";
import type { InferredStatus, MessageAuthor, SessionStatus, StatusUpdateResult } from "../types.ts";

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

export interface ApiSessionView {
  session_id: string;
  ticket_id: string | null;
  ticket_summary: string | null;
  client_company: string | null;
  client_contact: string | null;
  engineer_name: string | null;
  status: SessionStatus;
  /** The troubleshooting progress inferred from the messages. */
  session_status: InferredStatus;
  started_at: string;
  message_count: number;
  updates_count: number;
  time_spent_minutes: number;
  resolution_summary: string | null;
  escalation_reason: string | null;
}

export interface ApiMessageInput {
  author?: MessageAuthor;
  author_name?: string;
  text: string;
}

/** The spec's status-update body (content is the final text, the edit if any) with the update's id and delivery. */
export interface ApiUpdateView extends Omit<StatusUpdateResult, "fallback_reason"> {
  update_id: string;
  edited: boolean;
  delivery: Pick<
    Delivery,
    "psa_push_status" | "psa_note_id" | "psa_note_visibility" | "psa_error" | "posted_at"
  >;
}

export type ApiPostResult =
  | {
      ok: true;
      note_id: string;
      visibility: "internal" | "external";
      ticket_id: string;
      already_posted: boolean;
    }
  | { ok: false; error: string; visibility: "internal" | "external"; ticket_id: string; content: string };
