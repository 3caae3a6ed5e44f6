import { AUDIENCES, type Audience, type Length } from "../engine/types.ts";
import { FlowPilotError, InputRejectedError } from "../errors.ts";
import { pushUpdateToTicket } from "../sessions/post-to-ticket.ts";
import { scheduleReminder } from "../sessions/reminders.ts";
import { finalText } from "../sessions/steps.ts";
import type { SessionInfo, StoredUpdate } from "../sessions/types.ts";
import { editUpdateText, findUpdate, markCopied, rateUpdate } from "../sessions/updates.ts";
import type { RequestContext } from "./context.ts";
import { parseDuration } from "./duration.ts";
import { generateAndShow } from "./update-flow.ts";
import {
  copiedView,
  historyEntryView,
  noticeView,
  postResultView,
  reminderOptionsView,
  reminderSetView,
  switchAudienceView,
} from "./views/index.ts";

/** The update an action names, or a clear error when it is unknown or from another session. */
export async function requireUpdate(ctx: RequestContext, session: SessionInfo, updateId: string | undefined) {
  const update = await findUpdate(ctx.deps, session, updateId);
  if (!update) {
    throw new FlowPilotError(
      "expired_action",
      "That update no longer exists in this session. Run /flowpilot history to see the updates.",
    );
  }
  return update;
}

export async function copyUpdate(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  const patched = await markCopied(ctx.deps, update, ctx.now);
  await ctx.reply(
    copiedView({
      sessionId: session.id,
      updateId: update.id,
      content: finalText(patched),
      audience: update.audience,
    }),
  );
}

export async function regenerate(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  await generateAndShow(
    ctx,
    session,
    { audience: update.audience, length: update.length, context: update.context },
    { replacing: update },
  );
}

export async function switchLength(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  const length: Length = update.length === "quick" ? "detailed" : "quick";
  await generateAndShow(
    ctx,
    session,
    { audience: update.audience, length, context: update.context },
    { skipDebounce: true, versionOf: update },
  );
}

/** Without a target audience: offer the other two; with one: generate it at the same length. */
export async function switchAudience(
  ctx: RequestContext,
  session: SessionInfo,
  update: StoredUpdate,
  to?: Audience,
) {
  if (!to) {
    await ctx.reply(
      switchAudienceView({
        sessionId: session.id,
        updateId: update.id,
        current: update.audience,
        options: AUDIENCES.filter((a) => a !== update.audience),
        length: update.length,
        context: update.context,
      }),
    );
    return;
  }
  await generateAndShow(
    ctx,
    session,
    { audience: to, length: update.length, context: update.context },
    { skipDebounce: true, versionOf: update },
  );
}

/** Keeps the generated text and stores the engineer's version as the final text. */
export async function editUpdate(ctx: RequestContext, update: StoredUpdate, text: string | undefined) {
  const edited = text?.trim();
  if (!edited) {
    await ctx.reply(
      noticeView(
        "Type the new text with /flowpilot edit <text>. The generated version is kept in the history.",
      ),
    );
    return;
  }
  await editUpdateText(ctx.deps, update, edited);
  await ctx.reply(
    noticeView(
      "Saved your edited version. Copy and Post to Ticket now use it; the generated text is kept in the history.",
    ),
  );
}

const FEEDBACK_ICON = { up: "👍", down: "👎" } as const;

export async function setFeedback(ctx: RequestContext, update: StoredUpdate, feedback: "up" | "down") {
  const { changed, before } = await rateUpdate(ctx.deps, update, feedback);
  if (!changed) {
    await ctx.reply(noticeView(`You already rated this update ${FEEDBACK_ICON[feedback]}.`));
    return;
  }
  const thanks =
    feedback === "up"
      ? "Thanks — glad it helped."
      : "Thanks — noted. Regenerate or Edit to improve this one.";
  await ctx.reply(
    noticeView(
      before
        ? `Changed your rating from ${FEEDBACK_ICON[before]} to ${FEEDBACK_ICON[feedback]}. ${thanks}`
        : thanks,
    ),
  );
}

/** Set Reminder: without minutes, offer 15 / 30 / 60 / custom; with minutes (or a typed duration), schedule it. */
export async function setReminder(
  ctx: RequestContext,
  session: SessionInfo,
  update: StoredUpdate,
  choice: { minutes?: number; input?: string },
) {
  const minutes = choice.minutes ?? (choice.input ? parseDuration(choice.input) : undefined);
  if (minutes === undefined) {
    if (choice.input) {
      throw new InputRejectedError(
        `"${choice.input}" is not a duration I understand. Try 45, 45m, 1h or 1h30m (up to 7 days).`,
      );
    }
    await ctx.reply(
      reminderOptionsView({
        sessionId: session.id,
        updateId: update.id,
        audience: update.audience,
        clientName: session.clientCompany ?? undefined,
      }),
    );
    return;
  }
  const { remindAt } = await scheduleReminder(ctx.deps, {
    session,
    update,
    minutes,
    now: ctx.now,
    requestedBy: ctx.user.displayName,
    requestedByUserId: ctx.actor.platformUserId,
  });
  await ctx.reply(
    reminderSetView({
      sessionId: session.id,
      remindAt,
      minutes,
      audience: update.audience,
      clientName: session.clientCompany ?? undefined,
    }),
  );
}

/** Post to Ticket from a chat button; the outcome (posted, or failed with the text to copy) is shown. */
export async function postToTicket(ctx: RequestContext, session: SessionInfo, update: StoredUpdate) {
  const outcome = await pushUpdateToTicket(ctx.deps, {
    accountId: ctx.account.id,
    session,
    update,
    memberIdentifier: ctx.user.psaMemberId ?? undefined,
    now: ctx.now,
  });
  const ticketId = session.ticketId ?? "";
  if (outcome.ok && outcome.alreadyPosted) {
    await ctx.reply(noticeView(`This update is already on ticket ${ticketId} (note ${outcome.noteId}).`));
  } else {
    await ctx.reply(postResultView({ ...outcome, ticketId }));
  }
}

export async function expandHistoryEntry(ctx: RequestContext, update: StoredUpdate) {
  await ctx.reply(historyEntryView(update));
}
