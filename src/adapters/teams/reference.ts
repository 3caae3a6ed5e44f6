import type { Activity, ConversationReference } from "botbuilder";
import type { AccountRef, ThreadRef } from "../../sessions/types.ts";
import type { TeamsRouting } from "./types.ts";

/**
 * Teams places as the core sees them. A channel conversation id names its
 * thread (`19:…@thread.tacv2;messageid=<root>`): the core gets the channel as
 * the conversation and the root message as the thread, so a session lives in
 * its thread. Chats (group, personal) have no threads.
 */
const THREAD_SUFFIX = /;messageid=([^;]+)$/;

export function teamsAccount(tenantId: string): AccountRef {
  return { platform: "teams", externalId: tenantId };
}

/** The tenant an activity comes from (Teams puts it on the conversation and in channelData). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? undefined;
}

/** The thread an activity belongs to, with the routing a later proactive send needs. */
export function threadOf(activity: Activity, tenantId: string): ThreadRef {
  const id = activity.conversation.id;
  const type = activity.conversation.conversationType ?? "personal";
  const match = type === "channel" ? THREAD_SUFFIX.exec(id) : null;
  const routing: TeamsRouting = {
    serviceUrl: activity.serviceUrl,
    tenantId,
    conversationType: type,
    bot: activity.recipient ? { id: activity.recipient.id, name: activity.recipient.name } : undefined,
    teamId: activity.channelData?.team?.id,
  };
  return {
    account: teamsAccount(tenantId),
    conversationId: match ? id.slice(0, match.index) : id,
    ...(match ? { threadId: match[1] } : {}),
    routing: { ...routing },
  };
}

/** The routing stored with a thread; throws when it is missing (a thread this adapter never saw). */
export function routingOf(thread: ThreadRef): TeamsRouting {
  const r = thread.routing as Partial<TeamsRouting> | undefined;
  if (!r?.serviceUrl || !r.tenantId)
    throw new Error(`Teams thread ${thread.conversationId} has no routing (service URL and tenant)`);
  return { conversationType: "channel", ...r } as TeamsRouting;
}

/** The Bot Framework conversation reference for a thread (its conversation id names the thread again). */
export function referenceOf(thread: ThreadRef, appId: string): Partial<ConversationReference> {
  const routing = routingOf(thread);
  const id = thread.threadId
    ? `${thread.conversationId};messageid=${thread.threadId}`
    : thread.conversationId;
  return {
    channelId: "msteams",
    serviceUrl: routing.serviceUrl,
    conversation: {
      id,
      tenantId: routing.tenantId,
      conversationType: routing.conversationType,
      isGroup: routing.conversationType !== "personal",
      name: "",
    },
    bot: { id: routing.bot?.id ?? `28:${appId}`, name: routing.bot?.name ?? "FlowPilot" },
  };
}
