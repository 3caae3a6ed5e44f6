import { FlowPilotError } from "../../errors.ts";
import type { ConversationDeps, RequestContext } from "../conversation/context.ts";
import type { SessionInfo } from "../conversation/store.ts";
import type { Place } from "../conversation/types.ts";
import type { ApiCaller, ApiDeps } from "./types.ts";

/**
 * API sessions live in no chat conversation (stored without one); the shared
 * flows' request context still names a place, and nothing is posted to it.
 */
export const API_PLACE: Place = { conversationId: "api" };

/** Requested-by for work done on a session whose engineer is unknown. */
const API_USER_NAME = "API";

/**
 * The conversation deps the shared flows need. The API records messages as
 * given and renders nothing, so the recognizer is never asked and the outbox
 * drops every view.
 */
export function conversationDeps(deps: ApiDeps): ConversationDeps {
  return {
    ...deps,
    recognizer: {
      recognize: () => Promise.reject(new Error("the API records messages without recognising intents")),
    },
    surface: {
      post: async () => undefined,
      update: async () => undefined,
      openDirect: async () => undefined,
      resolveUser: async () => null,
    },
  };
}

export const nowFor = (deps: ApiDeps): Date => (deps.clock ?? (() => new Date()))();

/** The caller's session; another account's session is not found, exactly like an unknown id. */
export async function requireSession(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
): Promise<SessionInfo> {
  const session = await deps.store.getSession(caller.account.id, sessionId);
  if (!session) throw new FlowPilotError("not_found", `There is no session ${sessionId}.`);
  return session;
}

/**
 * A request context for the shared flows, attributed to the session's
 * engineer; its replies go nowhere.
 */
export function sessionContext(deps: ApiDeps, caller: ApiCaller, session: SessionInfo): RequestContext {
  const displayName = session.engineerName ?? API_USER_NAME;
  return {
    deps: conversationDeps(deps),
    account: caller.account,
    user: { id: "", displayName, isAdmin: false },
    actor: { platformUserId: "", displayName, isAdmin: false },
    thread: { ...API_PLACE, account: { platform: "api", externalId: caller.account.id } },
    now: nowFor(deps),
    reply: async () => undefined,
    // The HTTP response carries the result: nothing is deferred.
    later: (work) => work(),
  };
}
