import type { SessionDeps } from "./deps.ts";
import { MAX_SUMMARY, withTicketDetails } from "./ticket-details.ts";
import type { SessionInfo, ThreadRef } from "./types.ts";

export interface StartSessionInput {
  accountId: string;
  /** Our user id of the engineer who owns the session. */
  engineerId: string;
  ticketId: string;
  summary?: string;
  client?: string;
  contact?: string;
  /** The chat conversation it lives in; none for REST sessions. */
  thread?: ThreadRef;
}

/**
 * Starts a session for a ticket: on a PSA-connected account the ticket's
 * summary, company and contact fill what was left out (what was given wins);
 * `notice` says why nothing was filled in when the lookup failed.
 */
export async function startSession(
  deps: SessionDeps,
  input: StartSessionInput,
): Promise<{ session: SessionInfo; notice?: string }> {
  const filled = await withTicketDetails(deps, input.accountId, {
    ticketId: input.ticketId,
    summary: input.summary?.slice(0, MAX_SUMMARY) || undefined,
    client: input.client || undefined,
    contact: input.contact || undefined,
  });
  const session = await deps.store.createSession({
    accountId: input.accountId,
    engineerId: input.engineerId,
    ticketId: input.ticketId,
    ticketSummary: filled.summary,
    clientCompany: filled.client,
    clientContact: filled.contact,
    thread: input.thread,
  });
  return { session, ...(filled.notice ? { notice: filled.notice } : {}) };
}
