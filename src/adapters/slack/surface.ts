import type { WebClient } from "@slack/web-api";
import type { ChatSurface, PlatformUser } from "../../chat/types.ts";
import type { Logger } from "../../domain/index.ts";
import type { AccountRef, ThreadRef } from "../../sessions/types.ts";
import type { SlackClients } from "./clients.ts";
import { rethrowSlackError, slackErrorCode } from "./errors.ts";
import { renderSlackMessages, type SlackMessage } from "./render.ts";
import type { ResponseUrls } from "./response-urls.ts";

/** How long a user's or channel's name is trusted before asking Slack again. */
const NAME_TTL_MS = 10 * 60_000;
/** Ephemeral messages cannot be edited with chat.update; their refs say so. */
const EPHEMERAL_PREFIX = "ephemeral:";
/** Where chat.postEphemeral cannot reach (DMs with the bot, channels it is not in): the response_url can. */
const EPHEMERAL_UNREACHABLE = new Set([
  "channel_not_found",
  "not_in_channel",
  "user_not_in_channel",
  "cannot_dm_bot",
]);

export interface SlackSurface extends ChatSurface {
  /** A user's display name (users.info, cached), for mentions in message text. */
  userName(teamId: string, userId: string): Promise<string | undefined>;
  /** A channel's name (conversations.info, cached), for channel links in message text. */
  channelName(teamId: string, channelId: string): Promise<string | undefined>;
}

/** The chat surface over Slack's Web API: Block Kit messages, ephemerals, DMs and user lookups. */
export function createSlackSurface(
  clients: SlackClients,
  responseUrls: ResponseUrls,
  logger: Logger,
): SlackSurface {
  const users = new TtlCache<PlatformUser | null>();
  const channels = new TtlCache<string | undefined>();

  async function postEphemeral(client: WebClient, thread: ThreadRef, user: string, message: SlackMessage) {
    try {
      const r = await client.chat.postEphemeral({
        channel: thread.conversationId,
        user,
        thread_ts: thread.threadId,
        text: message.text,
        blocks: message.blocks,
      });
      return `${EPHEMERAL_PREFIX}${r.message_ts ?? ""}`;
    } catch (err) {
      const url = responseUrls.find(thread.conversationId, user);
      if (!url || !EPHEMERAL_UNREACHABLE.has(slackErrorCode(err) ?? ""))
        rethrowSlackError(err, "chat.postEphemeral");
      await postToResponseUrl(url, { response_type: "ephemeral", replace_original: false, ...message });
      return `${EPHEMERAL_PREFIX}response_url`;
    }
  }

  async function postMessage(client: WebClient, thread: ThreadRef, message: SlackMessage, threadTs?: string) {
    try {
      const r = await client.chat.postMessage({
        channel: thread.conversationId,
        thread_ts: threadTs,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return r.ts!;
    } catch (err) {
      rethrowSlackError(err, "chat.postMessage");
    }
  }

  const surface: SlackSurface = {
    remindsByDirectMessage: true,
    editsMessages: true,

    async post(thread, view, options) {
      const client = await clients.forTeam(thread.account.externalId);
      const [first, ...rest] = renderSlackMessages(view);
      if (options?.ephemeralTo) {
        const id = await postEphemeral(client, thread, options.ephemeralTo, first!);
        for (const message of rest) await postEphemeral(client, thread, options.ephemeralTo, message);
        return { thread, id };
      }
      const ts = await postMessage(client, thread, first!, thread.threadId);
      // A long update continues in the same thread (the one this message starts, at channel level).
      for (const message of rest) await postMessage(client, thread, message, thread.threadId ?? ts);
      return { thread, id: ts, startsThread: thread.threadId ? undefined : ts };
    },

    async update(ref, view) {
      const [first, ...rest] = renderSlackMessages(view);
      const responseUrl = ref.thread.routing?.responseUrl;
      if (ref.id.startsWith(EPHEMERAL_PREFIX) || typeof responseUrl === "string") {
        // Only the response_url can replace an ephemeral message (a picker shown to one person).
        if (typeof responseUrl === "string") {
          await postToResponseUrl(responseUrl, { replace_original: true, ...first! });
          return;
        }
        await surface.post(ref.thread, view);
        return;
      }
      const client = await clients.forTeam(ref.thread.account.externalId);
      try {
        await client.chat.update({
          channel: ref.thread.conversationId,
          ts: ref.id,
          text: first!.text,
          blocks: first!.blocks,
        });
      } catch (err) {
        // A message deleted meanwhile: show the result anyway rather than lose it.
        if (slackErrorCode(err) !== "message_not_found") rethrowSlackError(err, "chat.update");
        logger.warn(
          { channel: ref.thread.conversationId },
          "slack message to update is gone; posting instead",
        );
        await surface.post(ref.thread, view);
        return;
      }
      for (const message of rest)
        await postMessage(client, ref.thread, message, ref.thread.threadId ?? ref.id);
    },

    async openDirect(account: AccountRef, platformUserId: string) {
      const client = await clients.forTeam(account.externalId);
      try {
        const r = await client.conversations.open({ users: platformUserId });
        return r.channel?.id ? { account, conversationId: r.channel.id } : undefined;
      } catch (err) {
        logger.warn({ err: slackErrorCode(err) ?? String(err) }, "could not open a direct message");
        return undefined;
      }
    },

    resolveUser: (account, userId) =>
      users
        .get(`${account.externalId}:${userId}`, async () => {
          const client = await clients.forTeam(account.externalId);
          try {
            const { user } = await client.users.info({ user: userId });
            if (!user) return null;
            return {
              displayName:
                user.profile?.display_name || user.real_name || user.profile?.real_name || user.name || "",
              isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
            };
          } catch (err) {
            if (slackErrorCode(err) === "user_not_found") return null;
            throw err;
          }
        })
        .catch(() => null),

    userName: async (teamId, userId) =>
      (await surface.resolveUser({ platform: "slack", externalId: teamId }, userId))?.displayName ||
      undefined,

    channelName: (teamId, channelId) =>
      channels
        .get(`${teamId}:${channelId}`, async () => {
          const client = await clients.forTeam(teamId);
          const r = await client.conversations.info({ channel: channelId });
          return r.channel?.name;
        })
        .catch(() => undefined),
  };
  return surface;
}

/** A response_url takes JSON with no token; Slack answers 200 "ok" or an error text. */
async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`Slack response_url answered ${res.status}`);
}

/** A small time-bounded cache whose misses share one lookup. */
class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number }>();
  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < NAME_TTL_MS) return hit.value;
    const value = load();
    this.entries.set(key, { value, at: Date.now() });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
