import { MIN_MESSAGES_FOR_UPDATE, type UpdateSlots, updateFormat } from "../domain/index.ts";
import type { Audience, Length, SessionSnapshot, UpdateContextKind, WrittenUpdate } from "../engine/types.ts";
import { postability } from "../sessions/post-to-ticket.ts";
import { isRepeatRequest, updateReadiness } from "../sessions/request-update.ts";
import { finalText } from "../sessions/steps.ts";
import type { SessionInfo, StoredUpdate } from "../sessions/types.ts";
import { writeRequestedUpdate } from "../sessions/write-update.ts";
import type { RequestContext } from "./context.ts";
import {
  audiencePickerView,
  generatingView,
  lengthPickerView,
  noticeView,
  updateResultView,
} from "./views/index.ts";
import type { ViewMessage } from "./views/model.ts";

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
  const { ready, messages, snapshot } = await updateReadiness(ctx.deps, session, {
    now: ctx.now,
    read: Boolean(slots.audience),
  });
  if (!ready) {
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
    /** A new version of this update (switched, or changed by a follow-up): written as it was. */
    versionOf?: StoredUpdate;
  } = {},
): Promise<void> {
  if (
    !options.skipDebounce &&
    (await isRepeatRequest(ctx.deps, {
      accountId: ctx.account.id,
      session,
      request,
      now: ctx.now,
      windowMs: ctx.deps.debounceMs,
    }))
  ) {
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
      const written = await writeRequestedUpdate(ctx.deps, {
        session,
        request,
        templates: ctx.account.templates,
        now: ctx.now,
        snapshot: options.snapshot,
        requestedBy: ctx.user.displayName,
        replacing: options.replacing,
        versionOf: options.versionOf,
      });
      await show(
        written.stored
          ? await resultView(ctx, session, written.stored)
          : noticeView(sameTextNotice(written.sameTextBy)),
      );
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

/** The result message for a stored update, with Post to Ticket only where it can work. */
export async function resultView(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  const { canPost, visibility } = await postability(ctx.deps, ctx.account.id, session, update);
  return updateResultView({
    sessionId: session.id,
    updateId: update.id,
    audience: update.audience,
    length: update.length,
    context: update.context,
    content: finalText(update),
    format: updateFormat(update.audience, ctx.account.templates.ticket_notes_format),
    sessionStatus: update.session_status,
    timeSpentMinutes: update.time_spent_minutes,
    writer: update.writer,
    fallbackNote: update.fallback_reason,
    canPostToTicket: canPost,
    postVisibility: visibility,
    edited: update.final_content !== undefined,
    ticketId: session.ticketId ?? undefined,
  });
}
