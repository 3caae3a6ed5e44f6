import { MIN_MESSAGES_FOR_UPDATE, postVisibility, type UpdateSlots } from "../domain/index.ts";
import { finalText } from "../engine/steps.ts";
import type { Audience, Length, SessionSnapshot, UpdateContextKind, WrittenUpdate } from "../engine/types.ts";
import type { SessionInfo, StoredUpdate } from "../sessions/types.ts";
import {
  draftUpdate,
  storeDraft,
  type UpdateRequestSlots,
  type WriteInput,
  writeUpdate,
} from "../sessions/write-update.ts";
import type { RequestContext } from "./context.ts";
import {
  audiencePickerView,
  generatingView,
  lengthPickerView,
  noticeView,
  updateResultView,
} from "./views/index.ts";
import type { ViewMessage } from "./views/model.ts";

export const DEFAULT_DEBOUNCE_MS = 3_000;

/**
 * Entry point of the update flow (button, slash command or phrase): checks
 * the 2-exchange rule and the debounce, then asks for what the request did not
 * say: audience first, then length. A request that names the audience but not
 * the length uses the team's default length; the pickers are only for requests
 * that named nothing.
 */
export async function startUpdateFlow(
  ctx: RequestContext,
  session: SessionInfo,
  slots: Partial<UpdateSlots>,
): Promise<void> {
  // A request that names its audience is written now: the snapshot read for the rule is the one written from.
  const snapshot = slots.audience ? await ctx.deps.store.loadSnapshot(session.id, ctx.now) : undefined;
  const messages = snapshot ? snapshot.messages.length : await ctx.deps.store.countMessages(session.id);
  if (messages < MIN_MESSAGES_FOR_UPDATE) {
    await ctx.reply(
      noticeView(
        `Share Update is available after at least ${MIN_MESSAGES_FOR_UPDATE} message exchanges in the session (this one has ${messages}). Keep troubleshooting here and ask again.`,
      ),
    );
    return;
  }
  const context = slots.context ?? undefined;
  if (!slots.audience) {
    await ctx.reply(audiencePickerView({ sessionId: session.id, context }));
    return;
  }
  await generateAndShow(
    ctx,
    session,
    { audience: slots.audience, length: slots.length ?? ctx.account.templates.default_length, context },
    { snapshot },
  );
}

/** Step 1 answered: ask for the length. */
export async function askLength(
  ctx: RequestContext,
  session: SessionInfo,
  audience: Audience,
  context?: UpdateContextKind,
) {
  await ctx.reply(lengthPickerView({ sessionId: session.id, audience, context }));
}

/**
 * True when the same update (audience, length, context) was asked for in this
 * session within the debounce window: a double click or a repeated phrase, not
 * a new request. The first request claims the window atomically in the
 * database, so two clicks at once (or in two processes) cannot both pass.
 */
async function isDebounced(
  ctx: RequestContext,
  session: SessionInfo,
  request: { audience: Audience; length: Length; context?: UpdateContextKind },
): Promise<boolean> {
  const window = ctx.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  if (window <= 0) return false;
  const key = `update:${session.id}:${request.audience}:${request.length}:${request.context ?? "auto"}`;
  return !(await ctx.deps.store.claimOnce(ctx.account.id, key, window, ctx.now));
}

/**
 * Shows "Generating update...", writes the update from the whole session,
 * stores it as a `status_update` step, then replaces the placeholder with the
 * result and its actions. The step is in the database before the reply.
 */
export async function generateAndShow(
  ctx: RequestContext,
  session: SessionInfo,
  request: { audience: Audience; length: Length; context?: UpdateContextKind },
  options: {
    skipDebounce?: boolean;
    /** Regenerate: when the new text is word for word this update's, say so instead of storing a copy. */
    replacing?: StoredUpdate;
    /** The session as already read in this request. */
    snapshot?: SessionSnapshot;
  } = {},
): Promise<void> {
  if (!options.skipDebounce && (await isDebounced(ctx, session, request))) {
    await ctx.reply(
      noticeView(
        "An update was generated for this session a moment ago. Give it a few seconds before asking again.",
      ),
    );
    return;
  }
  const placeholder = await ctx.reply(generatingView({ audience: request.audience, length: request.length }));
  // Writing may take a model call: after the acknowledgement where the platform needs one.
  await ctx.later(async () => {
    const show = async (view: ViewMessage) => {
      if (placeholder) await ctx.deps.surface.update(placeholder, view);
      else await ctx.reply(view);
    };
    try {
      const draft = await draftUpdate(ctx.deps, writing(ctx, session, request, options.snapshot));
      if (options.replacing && draft.result.content === options.replacing.generated_content) {
        await show(noticeView(sameTextNotice(draft.result.writer)));
        return;
      }
      const stored = await storeDraft(ctx.deps, session, draft, ctx.user.displayName);
      await show(await resultView(ctx, session, stored));
    } catch (err) {
      // The placeholder must not promise an update that is not coming.
      await show(
        noticeView("The update could not be written; see the message below. Nothing was lost."),
      ).catch(() => undefined);
      throw err;
    }
  });
}

function sameTextNotice(writer: WrittenUpdate["writer"]): string {
  return writer === "offline"
    ? "Same text as before: nothing in the session changed that would change it, and the offline writer words the same session the same way. Add what's new to the thread, Switch Length or Audience, or Edit it. With OPENAI_API_KEY set, Regenerate asks the model for new wording."
    : "The model wrote the same text again. Add what's new to the thread, Switch Length or Audience, or Edit it.";
}

/** What writing an update in chat needs from the request: the team's templates, the clock, the snapshot if read. */
export function writing(
  ctx: RequestContext,
  session: SessionInfo,
  request: UpdateRequestSlots,
  snapshot?: SessionSnapshot,
): WriteInput {
  return { session, templates: ctx.account.templates, now: ctx.now, request, snapshot };
}

/** Generates and stores one update without posting anything (resolution/escalation pre-generation). */
export function generateAndStore(ctx: RequestContext, session: SessionInfo, request: UpdateRequestSlots) {
  return writeUpdate(ctx.deps, { ...writing(ctx, session, request), requestedBy: ctx.user.displayName });
}

/** The result message for a stored update, with Post to Ticket only where it can work. */
export async function resultView(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  const visibility = postVisibility(update.audience);
  const connected = (await ctx.deps.tickets?.isConnected(ctx.account.id)) ?? false;
  return updateResultView({
    sessionId: session.id,
    updateId: update.id,
    audience: update.audience,
    length: update.length,
    context: update.context,
    content: finalText(update),
    format: update.audience === "ticket_notes" ? ctx.account.templates.ticket_notes_format : "plain",
    sessionStatus: update.session_status,
    timeSpentMinutes: update.time_spent_minutes,
    writer: update.writer,
    fallbackNote: update.fallback_reason,
    canPostToTicket: connected && Boolean(session.ticketId) && visibility !== null,
    postVisibility: visibility,
    edited: update.final_content !== undefined,
    ticketId: session.ticketId ?? undefined,
  });
}
