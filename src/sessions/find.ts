/** Where a session is found: by id within its account, in a place, or among an engineer's open ones. */
import type { SessionStore, UpdateStore } from "./ports/index.ts";
import type { Place, SessionInfo, StoredUpdate } from "./types.ts";

/** A session of this account, or null: another account's sessions do not exist for it. */
export function findSession(
  deps: { store: SessionStore },
  accountId: string,
  sessionId: string,
): Promise<SessionInfo | null> {
  return deps.store.getSession(accountId, sessionId);
}

/**
 * The open session in the place, else the newest one: resolved sessions
 * still produce updates. `acrossThreads`: a place with no thread (Slack
 * slash commands carry none) also finds the conversation's newest open
 * session in its thread; otherwise a place is exact.
 */
export async function currentSession(
  deps: { store: SessionStore },
  accountId: string,
  place: Place,
  options: { acrossThreads?: boolean } = {},
): Promise<SessionInfo | null> {
  const here =
    (await deps.store.findOpenSession(accountId, place)) ??
    (place.threadId || !options.acrossThreads
      ? null
      : await deps.store.findOpenSessionInConversation(accountId, place.conversationId));
  return here ?? (await deps.store.findLatestSession(accountId, place));
}

/** An engineer's open sessions, newest first, each with its updates (oldest first). */
export async function openSessionsOf(
  deps: { store: SessionStore & UpdateStore },
  accountId: string,
  userId: string,
  limit: number,
): Promise<{ session: SessionInfo; updates: StoredUpdate[] }[]> {
  const sessions = await deps.store.listOpenSessionsOf(accountId, userId, limit);
  return Promise.all(
    sessions.map(async (session) => ({ session, updates: await deps.store.listUpdates(session.id) })),
  );
}
