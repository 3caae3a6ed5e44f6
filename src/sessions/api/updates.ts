import { MIN_MESSAGES_FOR_UPDATE } from "../../domain/index.ts";
import { cleanIncomingText } from "../../engine/intake/clean-text.ts";
import { intakeField } from "../../engine/intake/intake-text.ts";
import type { Audience, Length, UpdateContextKind } from "../../engine/types.ts";
import { FlowPilotError } from "../../errors.ts";
import { enterEngineer } from "../accounts.ts";
import { pushUpdateToTicket } from "../post-to-ticket.ts";
import { updateReadiness } from "../request-update.ts";
import type { StoredUpdate } from "../types.ts";
import { findUpdate } from "../updates.ts";
import { writeUpdate } from "../write-update.ts";
import { nowFor, quoteId, requestedByFor, requireSession } from "./context.ts";
import type { ApiCaller, ApiDeps, ApiEngineer, TicketPostResult, UpdatePage } from "./types.ts";

/**
 * Writes a status update from the whole session and stores it as a
 * `status_update` step, exactly like Share Update in chat (same 2-message
 * rule; length defaults to the team's default_length, context follows the
 * session status). No debounce: an API caller asked for exactly one update.
 */
export async function generateUpdate(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
  request: { audience: Audience; length?: Length; context?: UpdateContextKind },
): Promise<StoredUpdate> {
  const session = await requireSession(deps, caller, sessionId);
  const { ready, messages } = await updateReadiness(deps, session, { now: nowFor(deps) });
  if (!ready)
    throw new FlowPilotError(
      "conflict",
      `A status update needs at least ${MIN_MESSAGES_FOR_UPDATE} messages in the session; this one has ${messages}. Add messages first.`,
    );
  return writeUpdate(deps, {
    session,
    templates: caller.account.templates,
    now: nowFor(deps),
    requestedBy: requestedByFor(session),
    request: {
      audience: request.audience,
      length: request.length ?? caller.account.templates.default_length,
      context: request.context,
    },
  });
}

/** Most updates one page of a session's update list holds. */
export const MAX_UPDATES_PER_PAGE = 200;

/**
 * One page of the session's updates, oldest first: `limit` (1 to
 * MAX_UPDATES_PER_PAGE) after the update `after`; `nextAfter` names where
 * the next page starts, null on the last page.
 */
export async function listUpdates(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
  page: { after?: string; limit: number },
): Promise<UpdatePage> {
  const session = await requireSession(deps, caller, sessionId);
  const limit = Math.min(Math.max(Math.trunc(page.limit), 1), MAX_UPDATES_PER_PAGE);
  // One more than asked: whether another page follows, without a count.
  const found = await deps.store.listUpdates(session.id, { after: page.after, limit: limit + 1 });
  const updates = found.slice(0, limit);
  return { updates, nextAfter: found.length > limit ? updates.at(-1)!.id : null };
}

/**
 * Posts an update to the session's ticket (ticket notes internal, client
 * updates external), through the same push as chat's Post to Ticket. A PSA
 * failure comes back as `ok: false` with the text to copy; what cannot be
 * posted at all throws (email draft, no ticket, no PSA connected). With an
 * engineer, the note is written as their mapped PSA member, if they have one.
 */
export async function postUpdateToTicket(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
  updateId: string,
  options: { engineer?: ApiEngineer } = {},
): Promise<TicketPostResult> {
  const session = await requireSession(deps, caller, sessionId);
  const update = await findUpdate(deps, session, updateId);
  if (!update)
    throw new FlowPilotError(
      "not_found",
      `Session ${quoteId(sessionId)} has no update ${quoteId(updateId)}.`,
    );
  const engineer = options.engineer
    ? await enterEngineer(deps, caller.account.id, {
        id: cleanIncomingText(options.engineer.id),
        name: await intakeField(options.engineer.name),
      })
    : undefined;
  const outcome = await pushUpdateToTicket(deps, {
    accountId: caller.account.id,
    session,
    update,
    memberIdentifier: engineer?.psaMemberId ?? undefined,
    now: nowFor(deps),
  });
  return { ...outcome, ticketId: session.ticketId ?? "" };
}
