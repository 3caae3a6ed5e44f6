import { isClosed } from "../../domain/index.ts";
import { FlowPilotError } from "../../errors.ts";
import { buildSessionFacts } from "../context/session-facts.ts";
import { intakeField } from "../intake/intake-text.ts";
import { finalText } from "../steps.ts";
import {
  generatingView,
  historyView,
  noticeView,
  reminderCancelledView,
  sessionHeaderView,
  shareEscalationView,
  shareResolutionView,
} from "../views/index.ts";
import type { ConversationDeps, RequestContext } from "./context.ts";
import type { SessionInfo } from "./store.ts";
import { generateAndStore, resultView } from "./update-flow.ts";

const MAX_TICKET_ID = 64;
const MAX_SUMMARY = 300;

/** The session header with its action bar (Escalate, Share Update, Pause/Resume, Resolve). */
export async function showHeader(ctx: RequestContext, session: SessionInfo) {
  const snapshot = await ctx.deps.store.loadSnapshot(session.id, ctx.now);
  const facts = buildSessionFacts(snapshot);
  return ctx.reply(
    sessionHeaderView({
      sessionId: session.id,
      ticketId: session.ticketId ?? undefined,
      ticketSummary: session.ticketSummary ?? undefined,
      clientCompany: session.clientCompany ?? undefined,
      status: session.status,
      inferredStatus: facts.status,
      timeSpentMinutes: facts.timeSpentMinutes,
      messageExchanges: snapshot.messages.length,
      updatesCount: snapshot.previousUpdates.length,
    }),
  );
}

export async function startSession(
  ctx: RequestContext,
  input: { ticketId?: string; summary?: string; client?: string; contact?: string },
) {
  const open = await ctx.deps.store.findOpenSession(ctx.account.id, ctx.thread);
  if (open) {
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
  if (!input.ticketId)
    throw new FlowPilotError(
      "invalid_input",
      "Which ticket? Usage: /flowpilot start <ticket> [summary] [--client NAME]",
    );
  if (input.ticketId.length > MAX_TICKET_ID)
    throw new FlowPilotError("invalid_input", `Ticket ids are at most ${MAX_TICKET_ID} characters.`);
  const filled = await withTicketDetails(ctx.deps, ctx.account.id, {
    ticketId: input.ticketId,
    summary: input.summary?.slice(0, MAX_SUMMARY) || undefined,
    client: input.client || undefined,
    contact: input.contact || undefined,
  });
  const session = await ctx.deps.store.createSession({
    accountId: ctx.account.id,
    engineerId: ctx.user.id,
    ticketId: input.ticketId,
    ticketSummary: filled.summary,
    clientCompany: filled.client,
    clientContact: filled.contact,
    thread: ctx.thread,
  });
  if (filled.notice) await ctx.reply(noticeView(filled.notice));
  const header = await showHeader(ctx, session);
  // Started from a channel: the conversation goes on in the header's thread, so the session lives there.
  if (!ctx.thread.threadId && header?.startsThread)
    await ctx.deps.store.moveSessionToThread(session.id, header.startsThread);
}

/**
 * On a connected account, fills the ticket's summary, company and contact
 * from the PSA; what the engineer typed wins. A PSA outage or an unknown
 * ticket never blocks the session: it starts with what was given, and the
 * notice says why nothing was filled in.
 */
export async function withTicketDetails(
  deps: ConversationDeps,
  accountId: string,
  input: { ticketId: string; summary?: string; client?: string; contact?: string },
): Promise<{ summary?: string; client?: string; contact?: string; notice?: string }> {
  const given = { summary: input.summary, client: input.client, contact: input.contact };
  if (!deps.tickets || !(await deps.tickets.isConnected(accountId))) return given;
  try {
    const ticket = await deps.tickets.lookup(accountId, input.ticketId);
    if (!ticket)
      return {
        ...given,
        notice: `Ticket ${input.ticketId} was not found in the PSA, so nothing was filled in from it. Check the number: Post to Ticket needs an existing ticket.`,
      };
    // Ticket fields come from outside like typed text: they pass the same intake.
    return {
      summary: input.summary ?? (await intakeField(ticket.summary?.slice(0, MAX_SUMMARY))),
      client: input.client ?? (await intakeField(ticket.company)),
      contact: input.contact ?? (await intakeField(ticket.contact)),
    };
  } catch (err) {
    deps.logger?.warn(
      { ticketId: input.ticketId, code: (err as FlowPilotError).code },
      "ticket lookup failed",
    );
    const reason = err instanceof FlowPilotError ? ` (${err.userMessage})` : "";
    return {
      ...given,
      notice: `Could not read ticket ${input.ticketId} from the PSA${reason}; the session started with what you typed.`,
    };
  }
}

/** Pauses an active session (state only; chat and the REST API present it their own way). */
export async function applyPause(
  deps: Pick<ConversationDeps, "store">,
  session: SessionInfo,
  reason?: string,
) {
  if (session.status !== "active")
    throw new FlowPilotError(
      "conflict",
      `This session is ${session.status}; only an active session can be paused.`,
    );
  await deps.store.pauseSession(session.id, reason);
}

/** Resumes a paused session (state only). */
export async function applyResume(deps: Pick<ConversationDeps, "store">, session: SessionInfo) {
  if (session.status !== "paused")
    throw new FlowPilotError("conflict", `This session is ${session.status}, not paused.`);
  await deps.store.resumeSession(session.id);
}

export async function pauseSession(ctx: RequestContext, session: SessionInfo, reason?: string) {
  await applyPause(ctx.deps, session, reason);
  await showHeader(ctx, { ...session, status: "paused" });
}

export async function resumeSession(ctx: RequestContext, session: SessionInfo) {
  await applyResume(ctx.deps, session);
  await showHeader(ctx, { ...session, status: "active" });
}

function requireOpen(session: SessionInfo, action: string) {
  if (isClosed(session.status)) {
    throw new FlowPilotError(
      "conflict",
      `This session is already ${session.status}; it cannot be ${action}.`,
    );
  }
}

const CLOSING = {
  resolution: {
    status: "resolved",
    missing: "What fixed it? Usage: /flowpilot resolve <what fixed it>",
    store: (ctx: RequestContext, id: string, text: string) => ctx.deps.store.resolveSession(id, text),
    view: shareResolutionView,
  },
  escalation: {
    status: "escalated",
    missing: "Why escalate? Usage: /flowpilot escalate <reason>",
    store: (ctx: RequestContext, id: string, text: string) => ctx.deps.store.escalateSession(id, text),
    view: shareEscalationView,
  },
} as const;

export type ClosingContext = keyof typeof CLOSING;

/**
 * Resolve or escalate (state and drafts, no presentation): store the
 * engineer's summary or reason, cancel pending reminders, and pre-generate
 * the documentation (or handoff) note and the client update with the team's
 * defaults.
 */
export async function closeAndDraft(
  ctx: RequestContext,
  session: SessionInfo,
  context: ClosingContext,
  text: string | undefined,
) {
  const state = await closeState(ctx, session, context, text);
  return { ...state, ...(await draftClosing(ctx, state.closed, context)) };
}

/** The state change alone: in the database before anything is acknowledged. */
async function closeState(
  ctx: RequestContext,
  session: SessionInfo,
  context: ClosingContext,
  text: string | undefined,
) {
  const closing = CLOSING[context];
  requireOpen(session, closing.status);
  if (!text?.trim()) throw new FlowPilotError("invalid_input", closing.missing);
  await closing.store(ctx, session.id, text.trim());
  const cancelledReminders = await ctx.deps.store.cancelPendingReminders(
    session.id,
    `session ${closing.status}`,
  );
  return { closed: { ...session, status: closing.status }, cancelledReminders };
}

/** The documentation (or handoff) note and the client update, with the team's defaults. */
async function draftClosing(ctx: RequestContext, closed: SessionInfo, context: ClosingContext) {
  const documentation = await generateAndStore(ctx, closed, {
    audience: "ticket_notes",
    length: "detailed",
    context,
  });
  const share = await generateAndStore(ctx, closed, {
    audience: "client_update",
    length: ctx.account.templates.default_length,
    context,
  });
  return { documentation, share };
}

/** Resolve or escalate in chat: close, then show the drafts ready to share or skip. */
async function closeSession(
  ctx: RequestContext,
  session: SessionInfo,
  context: ClosingContext,
  text: string | undefined,
) {
  const closing = CLOSING[context];
  const { closed, cancelledReminders } = await closeState(ctx, session, context, text);
  if (cancelledReminders > 0)
    await ctx.reply(reminderCancelledView({ count: cancelledReminders, reason: closing.status }));
  const placeholder = await ctx.reply(generatingView({ audience: "ticket_notes", length: "detailed" }));
  // Two drafts, possibly two model calls: after the acknowledgement where the platform needs one.
  await ctx.later(async () => {
    const { documentation, share } = await draftClosing(ctx, closed, context);
    const view = closing.view({
      documentation: await resultView(ctx, closed, documentation),
      share: await resultView(ctx, closed, share),
      sessionId: session.id,
      updateId: share.id,
    });
    if (placeholder) await ctx.deps.surface.update(placeholder, view);
    else await ctx.reply(view);
  });
}

export const resolveSession = (ctx: RequestContext, session: SessionInfo, summary: string | undefined) =>
  closeSession(ctx, session, "resolution", summary);

export const escalateSession = (ctx: RequestContext, session: SessionInfo, reason: string | undefined) =>
  closeSession(ctx, session, "escalation", reason);

export async function showHistory(ctx: RequestContext, session: SessionInfo) {
  const [updates, reminders] = await Promise.all([
    ctx.deps.store.listUpdates(session.id),
    ctx.deps.store.listPendingReminders(session.id),
  ]);
  const pendingFor = new Set(reminders.map((r) => r.update_step_id).filter(Boolean));
  await ctx.reply(
    historyView(
      updates.map((u) => ({
        sessionId: session.id,
        updateId: u.id,
        audience: u.audience,
        length: u.length,
        context: u.context,
        generatedAt: new Date(u.generated_at),
        delivery: u.delivery,
        reminderPending: pendingFor.has(u.id),
        content: finalText(u),
      })),
    ),
  );
}
