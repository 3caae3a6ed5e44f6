import { FlowPilotError } from "../../errors.ts";
import { buildSessionFacts } from "../context/session-facts.ts";
import {
  historyView,
  noticeView,
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

/**
 * Resolve: store the engineer's summary, cancel pending reminders, then the
 * documentation note and the "Share Resolution" step pre-generated with the
 * team's defaults.
 */
export async function resolveSession(ctx: RequestContext, session: SessionInfo, summary: string | undefined) {
  requireOpen(session, "resolved");
  if (!summary?.trim())
    throw new FlowPilotError("invalid_input", "What fixed it? Usage: /flowpilot resolve <what fixed it>");
  await ctx.deps.store.resolveSession(session.id, summary.trim());
  const cancelled = await ctx.deps.store.cancelPendingReminders(session.id, "session resolved");
  if (cancelled > 0) await ctx.reply(reminderCancelledView({ count: cancelled }));
  const resolved = { ...session, status: "resolved" as const };
  const documentation = await generateAndStore(ctx, resolved, {
    audience: "ticket_notes",
    length: "detailed",
    context: "resolution",
  });
  const share = await generateAndStore(ctx, resolved, {
    audience: "client_update",
    length: ctx.account.templates.default_length,
    context: "resolution",
  });
  await ctx.reply(
    shareResolutionView({
      documentation: await resultView(ctx, resolved, documentation),
      share: await resultView(ctx, resolved, share),
      sessionId: session.id,
      updateId: share.id,
    }),
  );
}

/** Escalate: the handoff note plus the "we're bringing in a specialist" client text, ready to share. */
export async function escalateSession(ctx: RequestContext, session: SessionInfo, reason: string | undefined) {
  requireOpen(session, "escalated");
  if (!reason?.trim())
    throw new FlowPilotError("invalid_input", "Why escalate? Usage: /flowpilot escalate <reason>");
  await ctx.deps.store.escalateSession(session.id, reason.trim());
  const cancelled = await ctx.deps.store.cancelPendingReminders(session.id, "session escalated");
  if (cancelled > 0)
    await ctx.reply(noticeView(`${cancelled} pending reminder(s) cancelled — session escalated.`));
  const escalated = { ...session, status: "escalated" as const };
  const handoff = await generateAndStore(ctx, escalated, {
    audience: "ticket_notes",
    length: "detailed",
    context: "escalation",
  });
  const share = await generateAndStore(ctx, escalated, {
    audience: "client_update",
    length: ctx.account.templates.default_length,
    context: "escalation",
  });
  await ctx.reply(
    shareEscalationView({
      documentation: await resultView(ctx, escalated, handoff),
      share: await resultView(ctx, escalated, share),
      sessionId: session.id,
      updateId: share.id,
    }),
  );
}

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
