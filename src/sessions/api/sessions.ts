import { cleanIncomingText } from "../../engine/intake/clean-text.ts";
import { intakeField, intakeOptional, intakeText } from "../../engine/intake/intake-text.ts";
import { enterEngineer } from "../accounts.ts";
import { type ClosingContext, closeAndDraft } from "../close.ts";
import { readSession } from "../overview.ts";
import { applyPause, applyResume } from "../pause.ts";
import { startSession } from "../start.ts";
import type { SessionInfo, StoredUpdate } from "../types.ts";
import { nowFor, requestedByFor, requireSession } from "./context.ts";
import type { ApiCaller, ApiDeps, NewApiSession, SessionOverview } from "./types.ts";

/**
 * Session lifecycle for the REST API: the same session use cases as chat
 * (same checks, same reminder cancelling, same pre-generated closing
 * updates), returning data instead of a view; the HTTP adapter shapes the JSON.
 */

const view = (deps: ApiDeps, session: SessionInfo): Promise<SessionOverview> =>
  readSession(deps, session, nowFor(deps));

/**
 * Starts a session for a ticket. On a PSA-connected account the ticket's
 * summary, company and contact fill what the caller left out; `notice` says
 * why nothing was filled in when the lookup failed.
 */
export async function createSession(
  deps: ApiDeps,
  caller: ApiCaller,
  raw: NewApiSession,
): Promise<{ session: SessionOverview; notice?: string }> {
  const input: NewApiSession = {
    ticketId: cleanIncomingText(raw.ticketId),
    ticketSummary: await intakeField(raw.ticketSummary),
    clientCompany: await intakeField(raw.clientCompany),
    clientContact: await intakeField(raw.clientContact),
    engineer: { id: cleanIncomingText(raw.engineer.id), name: await intakeField(raw.engineer.name) },
  };
  const user = await enterEngineer(deps, caller.account.id, input.engineer);
  const { session, notice } = await startSession(deps, {
    accountId: caller.account.id,
    engineerId: user.id,
    ticketId: input.ticketId,
    summary: input.ticketSummary,
    client: input.clientCompany,
    contact: input.clientContact,
  });
  return { session: await view(deps, session), ...(notice ? { notice } : {}) };
}

export async function getSession(deps: ApiDeps, caller: ApiCaller, sessionId: string) {
  return view(deps, await requireSession(deps, caller, sessionId));
}

export async function pauseSession(deps: ApiDeps, caller: ApiCaller, sessionId: string, reason?: string) {
  const session = await requireSession(deps, caller, sessionId);
  await applyPause(deps, session, await intakeOptional(reason, session.id));
  return view(deps, { ...session, status: "paused" });
}

export async function resumeSession(deps: ApiDeps, caller: ApiCaller, sessionId: string) {
  const session = await requireSession(deps, caller, sessionId);
  await applyResume(deps, session);
  return view(deps, { ...session, status: "active" });
}

export interface ClosedSession {
  session: SessionOverview;
  /** The pre-generated updates: the ticket documentation (detailed notes) and the client update. */
  updates: StoredUpdate[];
}

async function close(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
  context: ClosingContext,
  text: string,
): Promise<ClosedSession> {
  const session = await requireSession(deps, caller, sessionId);
  const { closed, documentation, share } = await closeAndDraft(deps, {
    session,
    context,
    text: await intakeText(text, session.id),
    templates: caller.account.templates,
    requestedBy: requestedByFor(session),
    now: nowFor(deps),
  });
  return { session: await view(deps, closed), updates: [documentation, share] };
}

/** Resolves with what fixed it; pending reminders are cancelled and the closing updates generated. */
export const resolveSession = (deps: ApiDeps, caller: ApiCaller, sessionId: string, summary: string) =>
  close(deps, caller, sessionId, "resolution", summary);

/** Escalates with the reason; pending reminders are cancelled and the handoff updates generated. */
export const escalateSession = (deps: ApiDeps, caller: ApiCaller, sessionId: string, reason: string) =>
  close(deps, caller, sessionId, "escalation", reason);
