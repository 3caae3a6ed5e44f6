/**
 * What a message does beyond a plain request, as the recognizer's turn says:
 * a follow-up changes the update on screen (the session's newest) through
 * the same use cases as its buttons; an unsure request gets the short
 * question "Want an update? Client · Ticket · Email".
 */
import type { Turn, UpdateChange, UpdateOnScreen } from "../domain/index.ts";
import { messageRefusal, recordMessages } from "../sessions/messages.ts";
import type { SessionInfo, StoredUpdate } from "../sessions/types.ts";
import { latestUpdate } from "../sessions/updates.ts";
import type { RequestContext } from "./context.ts";
import type { IncomingMessage } from "./types.ts";
import { regenerate, switchAudience, switchLength } from "./update-actions.ts";
import { generateAndShow, startUpdateFlow } from "./update-flow.ts";
import { AUDIENCE_LABELS, audiencePickerView, LENGTH_LABELS, noticeView } from "./views/index.ts";

/** The session's newest update as the recognizer reads it: the update a follow-up changes. */
export async function updateOnScreen(
  ctx: RequestContext,
  session: SessionInfo,
): Promise<UpdateOnScreen | null> {
  const update = await latestUpdate(ctx.deps, session);
  return update ? { audience: update.audience, length: update.length, context: update.context } : null;
}

/**
 * "make that an email", "shorter", "for the client instead", "add that we'll
 * be onsite tomorrow": the newest update written again with the change. An
 * addition is recorded in the session as the engineer's message first: the
 * writers take no instructions, they write from the session, so the new
 * version and every later update read it (how, is the writer's choice: the
 * ticket notes list it, a short client text may leave it out).
 */
export async function changeUpdateOnScreen(
  ctx: RequestContext,
  session: SessionInfo,
  change: UpdateChange,
  message: Pick<IncomingMessage, "platformMessageId" | "actor">,
): Promise<void> {
  const update = await latestUpdate(ctx.deps, session);
  if (!update) {
    // Written away since the message was read: an ordinary request with what it named.
    await startUpdateFlow(ctx, session, change);
    return;
  }
  if (change.addition && !(await addToSession(ctx, session, change.addition, message))) return;
  const target = {
    audience: change.audience ?? update.audience,
    length: change.length ?? update.length,
    context: change.context ?? update.context,
  };
  const sameAudience = target.audience === update.audience;
  const sameLength = target.length === update.length;
  const sameContext = target.context === update.context;
  if (sameAudience && sameLength && sameContext) {
    if (change.addition) {
      await generateAndShow(ctx, session, target, { skipDebounce: true, versionOf: update });
    } else if (change.form === "resize" || change.form === "retarget") {
      await ctx.reply(noticeView(alreadyNotice(update)));
    } else {
      await regenerate(ctx, session, update);
    }
  } else if (sameAudience && sameContext) {
    await switchLength(ctx, session, update);
  } else if (sameLength && sameContext) {
    await switchAudience(ctx, session, update, target.audience);
  } else {
    await generateAndShow(ctx, session, target, { skipDebounce: true, versionOf: update });
  }
}

/** The addition as a session message; false (and said why) when the session cannot take it. */
async function addToSession(
  ctx: RequestContext,
  session: SessionInfo,
  addition: string,
  message: Pick<IncomingMessage, "platformMessageId" | "actor">,
): Promise<boolean> {
  const refusal = messageRefusal(session, addition);
  if (refusal === "closed") {
    await ctx.reply(
      noticeView(
        `Not added: the session for ${session.ticketId ?? "this ticket"} is ${session.status}, so its timeline is closed. Edit the update to add it by hand.`,
      ),
    );
    return false;
  }
  if (refusal) return false;
  await recordMessages(ctx.deps, session, [
    {
      author: "engineer",
      text: addition,
      platformMessageId: message.platformMessageId,
      authorName: message.actor.displayName,
    },
  ]);
  // The writers write from the session: say where the words went, as the new text may word them its own way.
  await ctx.reply(noticeView(`Added to the session: “${addition}”. Writing the update again with it.`));
  return true;
}

function alreadyNotice(update: StoredUpdate): string {
  const what = `${LENGTH_LABELS[update.length].label} ${AUDIENCE_LABELS[update.audience].label}`;
  return `The update above is already the ${what}. Regenerate for new wording, or Edit it.`;
}

/**
 * "Want an update? Client · Ticket · Email", after a message that may be a
 * request: only in a session that could have one now; a pick goes on as the
 * audience picker does.
 */
export async function askWhichUpdate(
  ctx: RequestContext,
  session: SessionInfo,
  turn: Extract<Turn, { kind: "clarify" }>,
): Promise<void> {
  await ctx.reply(
    audiencePickerView({ sessionId: session.id, ask: { question: turn.question, choices: turn.choices } }),
  );
}
