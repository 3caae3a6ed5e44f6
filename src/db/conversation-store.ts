import type {
  AccountInfo,
  ClaimedReminder,
  ConversationStore,
  SessionInfo,
  StoredReminder,
  StoredUpdate,
} from "../engine/conversation/store.ts";
import type { AccountRef, Place } from "../engine/conversation/types.ts";
import {
  messageStepSchema,
  reminderStepSchema,
  type StatusUpdateStepContent,
  statusUpdateStepSchema,
} from "../engine/steps.ts";
import { parseTemplates } from "../engine/templates.ts";
import { FlowPilotError } from "../errors.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { loadSessionSnapshot } from "./snapshot.ts";

type SessionRow = Prisma.SessionGetPayload<{ include: { account: true } }>;

function toSessionInfo(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    accountId: row.accountId,
    ticketId: row.ticketId,
    ticketSummary: row.ticketSummary,
    clientCompany: row.clientCompany,
    clientContact: row.clientContact,
    status: row.status,
    conversationId: row.conversationId,
    threadId: row.threadId,
    platform: row.account.platform,
    startedAt: row.startedAt,
  };
}

function toStoredUpdate(step: {
  id: string;
  sessionId: string;
  createdAt: Date;
  content: unknown;
}): StoredUpdate {
  return {
    ...statusUpdateStepSchema.parse(step.content),
    id: step.id,
    sessionId: step.sessionId,
    createdAt: step.createdAt,
  };
}

function toStoredReminder(step: { id: string; sessionId: string; content: unknown }): StoredReminder {
  return { ...reminderStepSchema.parse(step.content), id: step.id, sessionId: step.sessionId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeWhere = (place: Place) => ({
  conversationId: place.conversationId,
  threadId: place.threadId ?? null,
});

/**
 * The conversation core's persistence on Prisma. Every write is committed
 * before the method returns, so the core can reply knowing it is stored.
 */
export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  async function accountInfo(ref: AccountRef): Promise<AccountInfo> {
    const row = await prisma.account.upsert({
      where: { platform_externalId: { platform: ref.platform, externalId: ref.externalId } },
      create: { platform: ref.platform, externalId: ref.externalId, name: ref.name ?? "" },
      update: ref.name ? { name: ref.name } : {},
    });
    return {
      id: row.id,
      companyName: row.companyName,
      templates: parseTemplates(row.communicationTemplates),
    };
  }

  const setStatus = (
    sessionId: string,
    data: Prisma.SessionUpdateInput,
    step?: Prisma.SessionStepCreateWithoutSessionInput,
  ) =>
    prisma.session.update({
      where: { id: sessionId },
      data: { ...data, ...(step ? { steps: { create: step } } : {}) },
    });

  return {
    ensureAccount: accountInfo,

    async ensureUser(accountId, actor) {
      const row = await prisma.user.upsert({
        where: { accountId_platformUserId: { accountId, platformUserId: actor.platformUserId } },
        create: {
          accountId,
          platformUserId: actor.platformUserId,
          displayName: actor.displayName,
          isAdmin: actor.isAdmin,
        },
        update: { displayName: actor.displayName, isAdmin: actor.isAdmin },
      });
      return { id: row.id, displayName: row.displayName, isAdmin: row.isAdmin };
    },

    async updateTemplates(accountId, templates) {
      await prisma.account.update({
        where: { id: accountId },
        data: { communicationTemplates: parseTemplates(templates) },
      });
    },

    async updateCompanyName(accountId, companyName) {
      await prisma.account.update({ where: { id: accountId }, data: { companyName } });
    },

    async findOpenSession(accountId, place) {
      const row = await prisma.session.findFirst({
        where: { accountId, ...placeWhere(place), status: { in: ["active", "paused"] } },
        include: { account: true },
        orderBy: { startedAt: "desc" },
      });
      return row ? toSessionInfo(row) : null;
    },

    async findLatestSession(accountId, place) {
      const row = await prisma.session.findFirst({
        where: { accountId, ...placeWhere(place) },
        include: { account: true },
        orderBy: { startedAt: "desc" },
      });
      return row ? toSessionInfo(row) : null;
    },

    async getSession(accountId, sessionId) {
      if (!UUID.test(sessionId)) return null;
      const row = await prisma.session.findFirst({
        where: { id: sessionId, accountId },
        include: { account: true },
      });
      return row ? toSessionInfo(row) : null;
    },

    async createSession(input) {
      const row = await prisma.session.create({
        data: {
          accountId: input.accountId,
          engineerId: input.engineerId,
          ticketId: input.ticketId,
          ticketSummary: input.ticketSummary,
          clientCompany: input.clientCompany,
          clientContact: input.clientContact,
          ...placeWhere(input.place),
        },
        include: { account: true },
      });
      return toSessionInfo(row);
    },

    async pauseSession(sessionId, reason) {
      await setStatus(
        sessionId,
        { status: "paused" },
        { stepType: "pause", content: reason ? { reason } : {} },
      );
    },
    async resumeSession(sessionId) {
      await setStatus(sessionId, { status: "active" }, { stepType: "resume", content: {} });
    },
    async resolveSession(sessionId, summary) {
      const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
      await prisma.$transaction([
        // A paused session's open pause ends when it is resolved.
        ...(session.status === "paused"
          ? [prisma.sessionStep.create({ data: { sessionId, stepType: "resume", content: {} } })]
          : []),
        setStatus(
          sessionId,
          { status: "resolved", resolutionSummary: summary, endedAt: new Date() },
          { stepType: "resolution", content: { summary } },
        ),
      ]);
    },
    async escalateSession(sessionId, reason) {
      await setStatus(
        sessionId,
        { status: "escalated", escalationReason: reason, endedAt: new Date() },
        { stepType: "escalation", content: { reason } },
      );
    },

    async appendMessage(sessionId, message) {
      const content = messageStepSchema.parse({
        author: message.author,
        text: message.text,
        platform_message_id: message.platformMessageId,
        author_name: message.authorName,
      });
      if (message.platformMessageId) {
        // Platforms redeliver events; a message is recorded once.
        const existing = await prisma.sessionStep.findFirst({
          where: {
            sessionId,
            stepType: "message",
            content: { path: ["platform_message_id"], equals: message.platformMessageId },
          },
        });
        if (existing) return;
      }
      await prisma.sessionStep.create({ data: { sessionId, stepType: "message", content } });
    },

    countMessages: (sessionId) => prisma.sessionStep.count({ where: { sessionId, stepType: "message" } }),

    loadSnapshot: (sessionId, now) => loadSessionSnapshot(prisma, sessionId, now),

    async recordUpdate(sessionId, content) {
      const step = await prisma.sessionStep.create({
        data: { sessionId, stepType: "status_update", content: statusUpdateStepSchema.parse(content) },
      });
      return step.id;
    },

    async getUpdate(sessionId, updateId) {
      if (!UUID.test(updateId)) return null;
      const step = await prisma.sessionStep.findFirst({
        where: { id: updateId, sessionId, stepType: "status_update" },
      });
      return step ? toStoredUpdate(step) : null;
    },

    async patchUpdate(updateId, patch) {
      return prisma.$transaction(async (tx) => {
        const step = await tx.sessionStep.findUnique({ where: { id: updateId } });
        if (step?.stepType !== "status_update")
          throw new FlowPilotError("not_found", "That update no longer exists.");
        const current = statusUpdateStepSchema.parse(step!.content);
        const next: StatusUpdateStepContent = statusUpdateStepSchema.parse({
          ...current,
          ...patch,
          delivery: { ...current.delivery, ...(patch.delivery ?? {}) },
        });
        const saved = await tx.sessionStep.update({ where: { id: updateId }, data: { content: next } });
        return toStoredUpdate(saved);
      });
    },

    async listUpdates(sessionId) {
      const steps = await prisma.sessionStep.findMany({
        where: { sessionId, stepType: "status_update" },
        orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
      });
      return steps.map(toStoredUpdate);
    },

    async createReminder(sessionId, reminder) {
      const content = reminderStepSchema.parse({
        remind_at: reminder.remindAt.toISOString(),
        audience: reminder.audience,
        status: "pending",
        update_step_id: reminder.updateId,
        requested_by: reminder.requestedBy,
      });
      const step = await prisma.sessionStep.create({
        data: { sessionId, stepType: "update_reminder", content },
      });
      return step.id;
    },

    async listPendingReminders(sessionId) {
      const steps = await prisma.sessionStep.findMany({
        where: { sessionId, stepType: "update_reminder", content: { path: ["status"], equals: "pending" } },
        orderBy: { seq: "asc" },
      });
      return steps.map(toStoredReminder);
    },

    async cancelPendingReminders(sessionId, reason) {
      return prisma.$executeRaw`
        UPDATE session_steps
           SET content = content || jsonb_build_object('status', 'cancelled', 'cancelled_reason', ${reason}::text)
         WHERE session_id = ${sessionId}::uuid
           AND step_type = 'update_reminder'
           AND content->>'status' = 'pending'`;
    },

    async claimDueReminders(now, limit, platform) {
      // One statement: rows locked by another process are skipped, and the
      // status check in the UPDATE makes a second claim impossible.
      const claimed = await prisma.$queryRaw<Array<{ id: string; session_id: string; content: unknown }>>`
        UPDATE session_steps AS s
           SET content = s.content || jsonb_build_object('status', 'fired', 'fired_at', ${now.toISOString()}::text)
         WHERE s.id IN (
                 SELECT st.id FROM session_steps st
                   JOIN sessions se ON se.id = st.session_id
                   JOIN accounts a ON a.id = se.account_id
                  WHERE st.step_type = 'update_reminder'
                    AND st.content->>'status' = 'pending'
                    AND (st.content->>'remind_at')::timestamptz <= ${now}
                    AND a.platform = ${platform}::"Platform"
                  ORDER BY (st.content->>'remind_at')::timestamptz
                  LIMIT ${limit}
                  FOR UPDATE OF st SKIP LOCKED)
           AND s.content->>'status' = 'pending'
        RETURNING s.id, s.session_id, s.content`;
      if (claimed.length === 0) return [];
      const sessions = await prisma.session.findMany({
        where: { id: { in: [...new Set(claimed.map((c) => c.session_id))] } },
        include: { account: true },
      });
      const byId = new Map(sessions.map((s) => [s.id, toSessionInfo(s)]));
      return claimed.map(
        (c): ClaimedReminder => ({
          ...toStoredReminder({ id: c.id, sessionId: c.session_id, content: c.content }),
          session: byId.get(c.session_id)!,
        }),
      );
    },
  };
}
