import type { Conversation } from "../../../chat/conversation.ts";
import type { Logger } from "../../../domain/index.ts";
import type { AccountRef, ThreadRef } from "../../../sessions/types.ts";
import type { SlackClients } from "../clients.ts";
import { parseSlackText } from "../parse.ts";
import type { ResponseUrls } from "../response-urls.ts";
import type { SlackSurface } from "../surface.ts";

/** What every listener needs; the conversation core arrives once the server has built it. */
export interface ListenerDeps {
  conversation(): Conversation;
  /**
   * Keeps the work after an acknowledgement alive until it ends (the server
   * waits for it on shutdown), in HTTP and Socket Mode alike.
   */
  keepAlive<T>(work: Promise<T>): Promise<T>;
  surface: SlackSurface;
  clients: SlackClients;
  responseUrls: ResponseUrls;
  logger: Logger;
}

export const slackAccount = (teamId: string): AccountRef => ({ platform: "slack", externalId: teamId });

export function slackThread(teamId: string, channel: string, threadTs?: string): ThreadRef {
  return {
    account: slackAccount(teamId),
    conversationId: channel,
    ...(threadTs ? { threadId: threadTs } : {}),
  };
}

/** Message text with mentions and channel links turned into names. */
export function readableText(deps: ListenerDeps, teamId: string, text: string): Promise<string> {
  return parseSlackText(
    text,
    (id) => deps.surface.userName(teamId, id),
    (id) => deps.surface.channelName(teamId, id),
  );
}
