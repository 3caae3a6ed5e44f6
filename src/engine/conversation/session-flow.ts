import { FlowPilotError } from "../../errors.ts";
import { buildSessionFacts } from "../context/session-facts.ts";
import {
  historyView,
  reminderCancelledView,
  sessionHeaderView,
  shareEscalationView,
  shareResolutionView,
} from "../views/index.ts";
import type { RequestContext } from "./context.ts";
import type { SessionInfo } from "./store.ts";
import { generateAndStore, resultView } from "./update-flow.ts";

const MAX_TICKET_ID = 64;
const MAX_SUMMARY = 300;

/** The session header with its action bar (Escalate, Share Update, Pause/Resume, Resolve). */
export async function showHeader(ctx: RequestContext, session: SessionInfo) {
  const snapshot = await ctx.deps.store.loadSnapshot(session.id, ctx.now);
  const facts = buildSessionFacts(snapshot);
  await ctx.reply(
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
  const open = await ctx.deps.store.findOpenSession(ctx.account.id, ctx.place);
  if (open) {
    throw new FlowPilotError(
      "conflict",
      `A session is already open here${open.ticketId ? ` for ${open.ticketId}` : ""}. Resolve or escalate it first, or start the new one in another thread.`,
    );
  }
  if (!input.ticketId)
    throw new FlowPilotError(
      "invalid_input",
      "Which ticket? Usage: /flowpilot start <ticket> [summary] [--client NAME]",
    );
  if (input.ticketId.length > MAX_TICKET_ID)
    throw new FlowPilotError("invalid_input", `Ticket ids are at most ${MAX_TICKET_ID} characters.`);
  const session = await ctx.deps.store.createSession({
    accountId: ctx.account.id,
    engineerId: ctx.user.id,
    ticketId: input.ticketId,
    ticketSummary: input.summary?.slice(0, MAX_SUMMARY) || undefined,
    clientCompany: input.client || undefined,
    clientContact: input.contact || undefined,
    place: ctx.place,
  });
  await showHeader(ctx, session);
}

export async function pauseSession(ctx: RequestContext, session: SessionInfo, reason?: string) {
  if (session.status !== "active")
    throw new FlowPilotError(
      "conflict",
      `This session is ${session.status}; only an active session can be paused.`,
    );
  await ctx.deps.store.pauseSession(session.id, reason);
  await showHeader(ctx, { ...session, status: "paused" });
}

export async function resumeSession(ctx: RequestContext, session: SessionInfo) {
  if (session.status !== "paused")
    throw new FlowPilotError("conflict", `This session is ${session.status}, not paused.`);
  await ctx.deps.store.resumeSession(session.id);
  await showHeader(ctx, { ...session, status: "active" });
}

function requireOpen(session: SessionInfo, action: string) {
  if (session.status === "resolved" || session.status === "escalated") {
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

/**
 * Resolve or escalate: store the engineer's summary or reason, cancel pending
 * reminders, then post the documentation (or handoff) note and the client
 * update pre-generated with the team's defaults, ready to share or skip.
 */
async function closeSession(
  ctx: RequestContext,
  session: SessionInfo,
  context: keyof typeof CLOSING,
  text: string | undefined,
) {
  const closing = CLOSING[context];
  requireOpen(session, closing.status);
  if (!text?.trim()) throw new FlowPilotError("invalid_input", closing.missing);
  await closing.store(ctx, session.id, text.trim());
  const cancelled = await ctx.deps.store.cancelPendingReminders(session.id, `session ${closing.status}`);
  if (cancelled > 0) await ctx.reply(reminderCancelledView({ count: cancelled, reason: closing.status }));
  const closed = { ...session, status: closing.status };
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
  await ctx.reply(
    closing.view({
      documentation: await resultView(ctx, closed, documentation),
      share: await resultView(ctx, closed, share),
      sessionId: session.id,
      updateId: share.id,
    }),
  );
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
        content: u.final_content ?? u.generated_content,
      })),
    ),
  );
}
