import type { Activity, CloudAdapter, ConversationParameters } from "botbuilder";
import type { ChatSurface, MessageRef, PlatformUser } from "../../chat/types.ts";
import type { ViewMessage } from "../../chat/views/model.ts";
import type { Logger } from "../../domain/index.ts";
import type { AccountRef, ThreadRef } from "../../sessions/types.ts";
import { describeTeamsError } from "./errors.ts";
import type { TeamsMembers } from "./members.ts";
import { referenceOf, routingOf } from "./reference.ts";
import { type AdaptiveCard, renderAdaptiveCard } from "./render.ts";
import { type CardMemory, currentTurn } from "./turn-scope.ts";
import type { TeamsRouting } from "./types.ts";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export interface TeamsSurfaceDeps {
  adapter: CloudAdapter;
  appId: string;
  /** The audience of outbound tokens (creating a conversation needs it). */
  scope: string;
  defaultServiceUrl: string;
  cards: CardMemory;
  members: TeamsMembers;
  /** The newest thread seen per tenant: where roster look-ups and direct chats start from. */
  places: Map<string, ThreadRef>;
  /** Keeps work that outlives a request alive (the server awaits it); absent: it runs unawaited. */
  defer(work: Promise<unknown>): void;
  logger?: Logger;
}

/**
 * The chat surface over the Bot Connector: every send is a proactive one
 * from the thread's stored conversation reference (so it works from deferred
 * work and after a restart). Teams has no per-user messages in a channel:
 * an ephemeral post goes to the user's personal chat with FlowPilot (in a
 * personal chat it is simply posted). Updates of one message are applied in
 * order; the card whose button is being answered is replaced through the
 * invoke's answer first, then for everyone through the connector.
 */
export function createTeamsSurface(deps: TeamsSurfaceDeps): ChatSurface {
  const { adapter, appId } = deps;
  const directs = new Map<string, ThreadRef>();
  const tails = new Map<string, Promise<unknown>>();

  function inOrder<T>(messageId: string, work: () => Promise<T>): Promise<T> {
    const next = (tails.get(messageId) ?? Promise.resolve()).then(work);
    const tail = next.catch(() => undefined);
    tails.set(messageId, tail);
    void tail.then(() => {
      if (tails.get(messageId) === tail) tails.delete(messageId);
    });
    return next;
  }

  const cardActivity = (card: AdaptiveCard, view: ViewMessage): Partial<Activity> => ({
    type: "message",
    summary: view.text,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  });

  async function send(thread: ThreadRef, view: ViewMessage): Promise<MessageRef> {
    const card = renderAdaptiveCard(view);
    let id: string | undefined;
    await adapter.continueConversationAsync(appId, referenceOf(thread, appId), async (context) => {
      id = (await context.sendActivity(cardActivity(card, view)))?.id;
    });
    if (!id) throw new Error("Teams accepted the message without an id");
    deps.cards.remember(id, card);
    // A conversation the bot can post to is one it can ask the roster in (after a restart, before any activity).
    const tenant = thread.account.externalId;
    if (!deps.places.has(tenant) && routingOf(thread).conversationType !== "personal")
      deps.places.set(tenant, thread);
    // A top-level post in a channel starts a thread named after it.
    const startsThread =
      !thread.threadId && routingOf(thread).conversationType === "channel" ? id : undefined;
    return { thread, id, ...(startsThread ? { startsThread } : {}) };
  }

  async function put(ref: MessageRef, card: AdaptiveCard, view: ViewMessage) {
    await adapter.continueConversationAsync(appId, referenceOf(ref.thread, appId), async (context) => {
      await context.updateActivity({ ...cardActivity(card, view), id: ref.id });
    });
    deps.cards.remember(ref.id, card);
  }

  async function directWith(
    account: AccountRef,
    routing: Pick<TeamsRouting, "serviceUrl" | "bot">,
    userId: string,
  ) {
    const tenantId = account.externalId;
    const key = `${tenantId}:${userId}`;
    const known = directs.get(key);
    if (known) return known;
    let conversationId: string | undefined;
    const bot = routing.bot ?? { id: `28:${appId}`, name: "FlowPilot" };
    const parameters = {
      isGroup: false,
      bot,
      members: [{ id: userId, name: "" }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as unknown as ConversationParameters;
    await adapter.createConversationAsync(
      appId,
      "msteams",
      routing.serviceUrl,
      deps.scope,
      parameters,
      async (context) => {
        conversationId = context.activity.conversation.id;
      },
    );
    if (!conversationId) return undefined;
    const routed: TeamsRouting = {
      serviceUrl: routing.serviceUrl,
      tenantId,
      conversationType: "personal",
      bot,
    };
    const direct: ThreadRef = { account, conversationId, routing: { ...routed } };
    directs.set(key, direct);
    return direct;
  }

  return {
    // Cards are replaced in place (updateActivity), so the core may refresh the session header later.
    editsMessages: true,
    post: async (thread, view, options) => {
      const routing = routingOf(thread);
      if (options?.ephemeralTo && routing.conversationType !== "personal") {
        const direct = await directWith(thread.account, routing, options.ephemeralTo).catch((err) => {
          deps.logger?.warn(
            { err: describeTeamsError(err) },
            "teams: no personal chat for an ephemeral reply",
          );
          return undefined;
        });
        // Without a personal chat the reply is posted in the thread rather than lost.
        if (direct) return send(direct, view);
      }
      return send(thread, view);
    },

    update: async (ref, view) => {
      const card = renderAdaptiveCard(view);
      const turn = currentTurn();
      if (turn?.sourceId === ref.id && turn.open) {
        // The pressed card: the invoke's answer shows it to the presser, the connector to everyone else.
        turn.replacement = card;
        deps.cards.remember(ref.id, card);
        deps.defer(inOrder(ref.id, () => turn.answered.then(() => put(ref, card, view))));
        return;
      }
      if (turn?.sourceId === ref.id) await turn.answered;
      await inOrder(ref.id, () => put(ref, card, view));
    },

    openDirect: async (account, userId) => {
      const place = deps.places.get(account.externalId);
      const routing = place
        ? routingOf(place)
        : { serviceUrl: deps.defaultServiceUrl, tenantId: account.externalId, conversationType: "personal" };
      return directWith(account, routing, userId);
    },

    resolveUser: async (account, userId): Promise<PlatformUser | null> => {
      const place = deps.places.get(account.externalId);
      if (!place) return null;
      return deps.members.lookup(place, userId);
    },
  };
}
