import { FlowPilotError } from "../errors.ts";
import { type ClosingContext, closedStatus, closeState, draftClosing } from "../sessions/close.ts";
import { readSession } from "../sessions/overview.ts";
import { applyPause, applyResume } from "../sessions/pause.ts";
import { justBecameReady } from "../sessions/request-update.ts";
import { assertNoOpenSession, placeHeader, startSession as startSessionUseCase } from "../sessions/start.ts";
import { finalText } from "../sessions/steps.ts";
import type { SessionInfo } from "../sessions/types.ts";
import { updateHistory } from "../sessions/updates.ts";
import type { RequestContext } from "./context.ts";
import { resultView } from "./update-flow.ts";
import {
  generatingView,
  historyView,
  noticeView,
  reminderCancelledView,
  sessionHeaderView,
  shareEscalationView,
  shareResolutionView,
} from "./views/index.ts";

const MAX_TICKET_ID = 64;

/** The session header with its action bar (Escalate, Share Update, Pause/Resume, Resolve). */
export async function showHeader(ctx: RequestContext, session: SessionInfo) {
  return ctx.reply(await headerView(ctx, session));
}

/**
 * Where the platform edits messages in place, the header posted at the start
 * is refreshed once the session has enough messages for an update, so its
 * Share Update button comes alive where the engineer left it.
 */
export async function refreshHeaderWhenReady(
  ctx: RequestContext,
  session: SessionInfo,
  messageCount: number,
) {
  if (!justBecameReady(messageCount) || !ctx.deps.surface.editsMessages) return;
  if (!session.headerMessageId || !session.thread) return;
  try {
    await ctx.deps.surface.update(
      { thread: session.thread, id: session.headerMessageId },
      await headerView(ctx, session),
    );
  } catch (err) {
    ctx.deps.logger?.warn(
      { err: err instanceof Error ? err.message : String(err) },
      "could not refresh the session header",
    );
  }
}

async function headerView(ctx: RequestContext, session: SessionInfo) {
  const overview = await readSession(ctx.deps, session, ctx.now);
  return sessionHeaderView({
    sessionId: session.id,
    ticketId: session.ticketId ?? undefined,
    ticketSummary: session.ticketSummary ?? undefined,
    clientCompany: session.clientCompany ?? undefined,
    status: session.status,
    inferredStatus: overview.sessionStatus,
    waitingOn: overview.waitingOn ? { party: overview.waitingOn.on, who: overview.waitingOn.who } : undefined,
    timeSpentMinutes: overview.timeSpentMinutes,
    messageExchanges: overview.messageCount,
    updatesCount: overview.updatesCount,
  });
}

export async function startSession(
  ctx: RequestContext,
  input: { ticketId?: string; summary?: string; client?: string; contact?: string },
) {
  await assertNoOpenSession(ctx.deps, ctx.account.id, ctx.thread);
  if (!input.ticketId)
    throw new FlowPilotError(
      "invalid_input",
      "Which ticket? Usage: /flowpilot start <ticket> [summary] [--client NAME]",
    );
  if (input.ticketId.length > MAX_TICKET_ID)
    throw new FlowPilotError("invalid_input", `Ticket ids are at most ${MAX_TICKET_ID} characters.`);
  const { session, notice } = await startSessionUseCase(ctx.deps, {
    accountId: ctx.account.id,
    engineerId: ctx.user.id,
    ticketId: input.ticketId,
    summary: input.summary,
    client: input.client,
    contact: input.contact,
    thread: ctx.thread,
  });
  if (notice) await ctx.reply(noticeView(notice));
  const header = await showHeader(ctx, session);
  // Started from a channel: the conversation goes on in the header's thread, so the session lives there.
  if (header) await placeHeader(ctx.deps, session, ctx.thread, header);
}

export async function pauseSession(ctx: RequestContext, session: SessionInfo, reason?: string) {
  await applyPause(ctx.deps, session, reason);
  await showHeader(ctx, { ...session, status: "paused" });
}

export async function resumeSession(ctx: RequestContext, session: SessionInfo) {
  await applyResume(ctx.deps, session);
  await showHeader(ctx, { ...session, status: "active" });
}

/** How chat shows a closed session's drafts. */
const SHARE_VIEW = { resolution: shareResolutionView, escalation: shareEscalationView } as const;

/** Resolve or escalate in chat: close, then show the drafts ready to share or skip. */
async function closeSession(
  ctx: RequestContext,
  session: SessionInfo,
  context: ClosingContext,
  text: string | undefined,
) {
  const { closed, cancelledReminders } = await closeState(ctx.deps, session, context, text);
  if (cancelledReminders > 0)
    await ctx.reply(reminderCancelledView({ count: cancelledReminders, reason: closedStatus(context) }));
  const placeholder = await ctx.reply(generatingView({ audience: "ticket_notes", length: "detailed" }));
  // Two drafts, possibly two model calls: after the acknowledgement where the platform needs one.
  await ctx.later(async () => {
    const { documentation, share } = await draftClosing(ctx.deps, {
      closed,
      context,
      templates: ctx.account.templates,
      requestedBy: ctx.user.displayName,
      now: ctx.now,
    });
    const view = SHARE_VIEW[context]({
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
  const history = await updateHistory(ctx.deps, session);
  await ctx.reply(
    historyView(
      history.map(({ update: u, reminderPending }) => ({
        sessionId: session.id,
        updateId: u.id,
        audience: u.audience,
        length: u.length,
        context: u.context,
        generatedAt: new Date(u.generated_at),
        delivery: u.delivery,
        reminderPending,
        content: finalText(u),
      })),
    ),
  );
}
