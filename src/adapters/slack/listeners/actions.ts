import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { actionInput } from "../../../chat/action-registry.ts";
import type { MessageRef } from "../../../chat/types.ts";
import { decodeActionPayload, isActionId } from "../../../chat/views/actions.ts";
import { INPUT_MODAL_CALLBACK, type InputModalContext, inputModal, readInputModal } from "../modals.ts";
import { parseSlackActionId } from "../render.ts";
import { type ListenerDeps, slackThread } from "./deps.ts";

/** Every FlowPilot button's action_id: `<group>.<action>#<n>` (render.ts). */
export const FLOWPILOT_ACTION = /^(session|update|history|reminder)\.[a-z_]+(#\d+)?$/;

/**
 * Button presses: acknowledged at once; an action that needs text (edit,
 * custom reminder, resolve or escalate summary) opens a modal first, the
 * others go straight to the core with the message they came from (a picker's
 * answer replaces it).
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(FLOWPILOT_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const channel = body.container?.channel_id ?? body.channel?.id;
    const actionId = parseSlackActionId(action.action_id);
    if (!channel || !isActionId(actionId)) return;
    deps.responseUrls.remember(channel, body.user.id, body.response_url);
    const messageTs: string | undefined = body.container?.message_ts ?? body.message?.ts;
    const sourceThreadId: string | undefined = body.container?.thread_ts ?? body.message?.thread_ts;
    const ephemeral = Boolean(body.container?.is_ephemeral);
    const context: InputModalContext = {
      actionId,
      payload: action.value ?? "",
      teamId,
      channel,
      // Replies go to the thread of the message pressed: a header's buttons answer in its own thread.
      threadId: sourceThreadId ?? (ephemeral ? undefined : messageTs),
      messageTs,
      sourceThreadId,
      responseUrl: ephemeral ? body.response_url : undefined,
    };
    const needs = actionInput(actionId, minutesOf(context.payload));
    if (needs) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: inputModal(needs, action.text?.text ?? "FlowPilot", context),
      });
      return;
    }
    await runAction(deps, context, body.user.id, `action:${body.trigger_id}`);
  });

  app.view(INPUT_MODAL_CALLBACK, async ({ ack, body, view }) => {
    const submitted = readInputModal(view);
    if (!submitted?.input.trim()) {
      await ack({ response_action: "errors", errors: { input: "Type something, or Cancel." } });
      return;
    }
    await ack();
    const { context, input } = submitted;
    await runAction(deps, context, body.user.id, `view:${view.id}:${view.hash ?? ""}`, input);
  });
}

async function runAction(
  deps: ListenerDeps,
  context: InputModalContext,
  userId: string,
  eventId: string,
  input?: string,
) {
  const thread = slackThread(context.teamId, context.channel, context.threadId);
  const handled = deps.conversation().handleAction({
    thread,
    actor: { platformUserId: userId },
    actionId: context.actionId,
    payload: context.payload,
    input,
    eventId,
    sourceMessage: sourceMessage(context),
  });
  await deps.keepAlive(handled);
}

function sourceMessage(context: InputModalContext): MessageRef | undefined {
  if (!context.messageTs) return undefined;
  const thread = slackThread(context.teamId, context.channel, context.sourceThreadId);
  return context.responseUrl
    ? {
        thread: { ...thread, routing: { responseUrl: context.responseUrl } },
        id: `ephemeral:${context.messageTs}`,
      }
    : { thread, id: context.messageTs };
}

function minutesOf(encoded: string) {
  try {
    return { minutes: decodeActionPayload(encoded).minutes };
  } catch {
    return undefined;
  }
}
