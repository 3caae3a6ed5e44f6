import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ConversationStore } from "../sessions/ports/index.ts";
import { getOrCreateAccount, setCompanyName, updateTemplates } from "./accounts.ts";
import { claimOnce, claimResult, releaseClaim, saveClaimResult } from "./processed-events.ts";
import {
  cancelPendingReminders,
  claimDueReminders,
  createReminder,
  listPendingReminders,
  markReminderFired,
  retryReminder,
} from "./reminders.ts";
import {
  createSession,
  findActiveSessionByConversation,
  findActiveSessionInConversation,
  findLatestSessionByConversation,
  getSession,
  listSessions,
  moveSessionToThread,
  setHeaderMessage,
  setStatus,
} from "./sessions.ts";
import { loadSessionSnapshot } from "./snapshot.ts";
import {
  getStatusUpdate,
  listStatusUpdates,
  storeStatusUpdate,
  updateStatusUpdate,
} from "./status-updates.ts";
import { appendMessages, countMessages, pauseSession, recentMessageTexts, resumeSession } from "./steps.ts";
import { renameUser, setPsaMember, upsertUser } from "./users.ts";

/**
 * The conversation core's persistence, built from the repositories. Every
 * write is committed before the method returns, so the core can reply
 * knowing it is stored.
 */
export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  return {
    ensureAccount: (ref) => getOrCreateAccount(prisma, ref),
    ensureUser: (accountId, actor) =>
      upsertUser(prisma, { accountId, ...actor, displayName: actor.displayName ?? "" }),
    updateTemplates: async (accountId, templates) => {
      await updateTemplates(prisma, accountId, templates);
    },
    setPsaMember: (userId, memberIdentifier) => setPsaMember(prisma, userId, memberIdentifier),
    renameUser: async (userId, displayName) => ({
      openSessions: await renameUser(prisma, userId, displayName),
    }),
    updateCompanyName: (accountId, companyName) => setCompanyName(prisma, accountId, companyName),
    findOpenSession: (accountId, place) =>
      findActiveSessionByConversation(prisma, accountId, place.conversationId, place.threadId),
    findOpenSessionInConversation: (accountId, conversationId) =>
      findActiveSessionInConversation(prisma, accountId, conversationId),
    listOpenSessionsOf: (accountId, userId, limit) =>
      listSessions(prisma, accountId, { status: ["active", "paused"], engineerId: userId, limit }),
    findLatestSession: (accountId, place) =>
      findLatestSessionByConversation(prisma, accountId, place.conversationId, place.threadId),
    getSession: (accountId, sessionId) => getSession(prisma, sessionId, { accountId }),
    createSession: ({ thread, ...input }) =>
      createSession(prisma, {
        ...input,
        conversationId: thread?.conversationId,
        threadId: thread?.threadId,
        routing: thread?.routing,
      }),
    moveSessionToThread: (sessionId, threadId) => moveSessionToThread(prisma, sessionId, threadId),
    setHeaderMessage: (sessionId, messageId) => setHeaderMessage(prisma, sessionId, messageId),
    pauseSession: async (sessionId, reason) => {
      await pauseSession(prisma, sessionId, { reason });
    },
    resumeSession: async (sessionId) => {
      await resumeSession(prisma, sessionId);
    },
    resolveSession: async (sessionId, summary) => {
      await setStatus(prisma, sessionId, "resolved", { summary });
    },
    escalateSession: async (sessionId, reason) => {
      await setStatus(prisma, sessionId, "escalated", { reason });
    },
    appendMessages: async (sessionId, messages) => {
      const { messageCount } = await appendMessages(
        prisma,
        sessionId,
        messages.map((m) => ({
          author: m.author,
          text: m.text,
          platform_message_id: m.platformMessageId,
          author_name: m.authorName,
        })),
      );
      return { messageCount };
    },
    countMessages: (sessionId) => countMessages(prisma, sessionId),
    recentMessages: (sessionId, limit) => recentMessageTexts(prisma, sessionId, limit),
    claimOnce: (accountId, key, ttlMs, now) => claimOnce(prisma, accountId, key, ttlMs, now),
    releaseClaim: (accountId, key) => releaseClaim(prisma, accountId, key),
    claimResult: (accountId, key) => claimResult(prisma, accountId, key),
    saveClaimResult: (accountId, key, result) => saveClaimResult(prisma, accountId, key, result),
    loadSnapshot: (sessionId, now) => loadSessionSnapshot(prisma, sessionId, { now }),
    recordUpdate: (sessionId, content) => storeStatusUpdate(prisma, sessionId, content),
    getUpdate: (sessionId, updateId) => getStatusUpdate(prisma, updateId, { sessionId }),
    patchUpdate: (updateId, patch) => updateStatusUpdate(prisma, updateId, patch),
    listUpdates: (sessionId, page) => listStatusUpdates(prisma, sessionId, page),
    createReminder: async (sessionId, reminder) =>
      (
        await createReminder(prisma, sessionId, {
          remind_at: reminder.remindAt,
          audience: reminder.audience,
          update_step_id: reminder.updateId,
          requested_by: reminder.requestedBy,
          requested_by_user_id: reminder.requestedByUserId,
        })
      ).id,
    listPendingReminders: (sessionId) => listPendingReminders(prisma, sessionId),
    cancelPendingReminders: (sessionId, reason) => cancelPendingReminders(prisma, sessionId, reason),
    claimDueReminders: (now, limit, platform) => claimDueReminders(prisma, now, limit, { platform }),
    markReminderFired: (reminderId, at) => markReminderFired(prisma, reminderId, at),
    retryReminder: (reminderId, retryAt, error) => retryReminder(prisma, reminderId, retryAt, error),
  };
}
