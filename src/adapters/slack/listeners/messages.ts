import type { App } from "@slack/bolt";
import { stripBotMention } from "../parse.ts";
import { type ListenerDeps, readableText, slackThread } from "./deps.ts";

/** The Events API subscriptions these listeners need (the manifest's bot_events). */
export const MESSAGE_EVENTS = ["app_mention", "message.channels", "message.groups", "message.im"] as const;

/** Message subtypes that are someone typing in the thread; edits, joins, bot posts and the like are not. */
const TYPED = new Set([undefined, "file_share", "thread_broadcast"]);

interface SlackMessageEvent {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
}

/**
 * Thread replies are recorded in the thread's session; requests in them
 * ("quick update for the client") go through the recognizer. A message that
 * mentions the bot arrives twice (message and app_mention): the mention
 * event handles it, addressed to FlowPilot.
 */
export function registerMessages(app: App, deps: ListenerDeps): void {
  app.event("message", async ({ event, body, context }) => {
    const message = event as unknown as SlackMessageEvent;
    if (!TYPED.has(message.subtype) || message.bot_id || !message.user) return;
    if (context.botUserId && message.text?.includes(`<@${context.botUserId}`)) return;
    const teamId = body.team_id ?? context.teamId ?? "";
    await deps.keepAlive(
      deps.conversation().handleMessage({
        thread: slackThread(teamId, message.channel, message.thread_ts),
        actor: { platformUserId: message.user },
        text: await readableText(deps, teamId, message.text ?? ""),
        platformMessageId: message.ts,
        isMention: false,
        eventId: body.event_id,
      }),
    );
  });

  app.event("app_mention", async ({ event, body, context }) => {
    if (!event.user || event.bot_id) return;
    const teamId = body.team_id ?? context.teamId ?? "";
    await deps.keepAlive(
      deps.conversation().handleMessage({
        thread: slackThread(teamId, event.channel, event.thread_ts),
        actor: { platformUserId: event.user },
        text: await readableText(deps, teamId, stripBotMention(event.text ?? "", context.botUserId)),
        platformMessageId: event.ts,
        isMention: true,
        eventId: body.event_id,
      }),
    );
  });
}
