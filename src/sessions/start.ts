import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";
import type { SessionStore } from "./ports/index.ts";
import { MAX_SUMMARY, withTicketDetails } from "./ticket-details.ts";
import type { Place, SessionInfo, ThreadRef } from "./types.ts";

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

/** One open session per place: another starts once it is resolved or escalated, or in another thread. */
export async function assertNoOpenSession(
  deps: { store: SessionStore },
  accountId: string,
  place: Place,
): Promise<void> {
  const open = await deps.store.findOpenSession(accountId, place);
  if (!open) return;
  throw new FlowPilotError(
    "conflict",
    `A session is already open here${open.ticketId ? ` for ${open.ticketId}` : ""}. Resolve or escalate it first${
      // The console is one conversation; chat platforms have threads to start another in.
      open.platform === "console"
        ? " (/flowpilot resolve <what fixed it>)."
        : ", or start the new one in another thread."
    }`,
  );
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

/**
 * Remembers the session's header message (to refresh it in place later). A
 * session started at channel level moves into the thread its header started,
 * where its conversation goes on; a threaded one stays.
 */
export async function placeHeader(
  deps: { store: SessionStore },
  session: SessionInfo,
  startedIn: Place,
  header: { id: string; startsThread?: string },
): Promise<void> {
  await deps.store.setHeaderMessage(session.id, header.id);
  if (!startedIn.threadId && header.startsThread)
    await deps.store.moveSessionToThread(session.id, header.startsThread);
}
