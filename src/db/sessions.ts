import type { SessionStatus } from "../engine/types.ts";
import { FlowPilotError } from "../errors.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";
import { isUuid, SESSION_INCLUDE, type StoredSession, toStoredSession } from "./records.ts";

/** Sessions: one troubleshooting session per ticket/thread, and its lifecycle. */

export interface NewSessionInput {
  accountId: string;
  engineerId?: string;
  ticketId?: string;
  ticketSummary?: string;
  clientCompany?: string;
  clientContact?: string;
  /** Platform conversation (channel / conversation id); omitted for API sessions. */
  conversationId?: string;
  /** Slack thread_ts / Teams reply chain; omitted for a whole conversation. */
  threadId?: string;
  /** The adapter's routing data for proactive sends. */
  routing?: Record<string, unknown>;
  startedAt?: Date;
}

export interface StatusChange {
  /** Required when resolving: what fixed it. */
  summary?: string;
  /** Required when escalating: why. */
  reason?: string;
  /** Optional note on a pause. */
  pauseReason?: string;
  /** When it happened (the step timestamps and ended_at); defaults to now. */
  at?: Date;
}

const OPEN: readonly SessionStatus[] = ["active", "paused"];

/** Starts a session (status active). */
export async function createSession(prisma: PrismaClient, input: NewSessionInput): Promise<StoredSession> {
  if (!isUuid(input.accountId) || (input.engineerId !== undefined && !isUuid(input.engineerId))) {
    throw new FlowPilotError("not_found", "That account or engineer does not exist.");
  }
  const row = await prisma.session
    .create({
      data: {
        accountId: input.accountId,
        engineerId: input.engineerId,
        engineerName: input.engineerId ? await currentName(prisma, input.engineerId) : undefined,
        ticketId: input.ticketId,
        ticketSummary: input.ticketSummary,
        clientCompany: input.clientCompany,
        clientContact: input.clientContact,
        conversationId: input.conversationId,
        threadId: input.threadId,
        routing: input.routing as Prisma.InputJsonValue | undefined,
        startedAt: input.startedAt,
      },
      include: SESSION_INCLUDE,
      relationLoadStrategy: "join",
    })
    .catch((err: unknown) => {
      throw isForeignKeyViolation(err)
        ? new FlowPilotError("not_found", "That account or engineer does not exist.", { cause: err })
        : err;
    });
  return toStoredSession(row);
}

/**
 * The engineer's name as the session keeps it from its start; empty (not yet
 * known) stays unset, so the session follows the name once it is known.
 */
async function currentName(prisma: PrismaClient, userId: string): Promise<string | undefined> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return user?.displayName.trim() || undefined;
}

/** The session if it belongs to the account; null otherwise (another account's sessions do not exist for it). */
export async function getSession(
  prisma: PrismaClient,
  sessionId: string,
  scope: { accountId: string },
): Promise<StoredSession | null> {
  if (!isUuid(sessionId) || !isUuid(scope.accountId)) return null;
  const row = await prisma.session.findFirst({
    where: { id: sessionId, accountId: scope.accountId },
    include: SESSION_INCLUDE,
    relationLoadStrategy: "join",
  });
  return row ? toStoredSession(row) : null;
}

/** The open (active or paused) session of a conversation/thread, newest first; null when none. */
export async function findActiveSessionByConversation(
  prisma: PrismaClient,
  accountId: string,
  conversationId: string,
  threadId?: string | null,
): Promise<StoredSession | null> {
  return findInConversation(prisma, {
    accountId,
    conversationId,
    threadId: threadId ?? null,
    status: { in: [...OPEN] },
  });
}

/** The newest open session of a conversation, in any of its threads. */
export async function findActiveSessionInConversation(
  prisma: PrismaClient,
  accountId: string,
  conversationId: string,
): Promise<StoredSession | null> {
  return findInConversation(prisma, { accountId, conversationId, status: { in: [...OPEN] } });
}

/** The newest session of a conversation/thread whatever its status (updates still work after resolve). */
export async function findLatestSessionByConversation(
  prisma: PrismaClient,
  accountId: string,
  conversationId: string,
  threadId?: string | null,
): Promise<StoredSession | null> {
  return findInConversation(prisma, { accountId, conversationId, threadId: threadId ?? null });
}

async function findInConversation(prisma: PrismaClient, where: Prisma.SessionWhereInput) {
  const row = await prisma.session.findFirst({
    where,
    include: SESSION_INCLUDE,
    relationLoadStrategy: "join",
    orderBy: [{ startedAt: "desc" }, { createdAt: "desc" }],
  });
  return row ? toStoredSession(row) : null;
}

/** The account's sessions, newest first. */
export async function listSessions(
  prisma: PrismaClient,
  accountId: string,
  options: { status?: SessionStatus[]; limit?: number; engineerId?: string } = {},
): Promise<StoredSession[]> {
  if (!isUuid(accountId)) return [];
  const rows = await prisma.session.findMany({
    where: {
      accountId,
      ...(options.status ? { status: { in: options.status } } : {}),
      ...(options.engineerId ? { engineerId: options.engineerId } : {}),
    },
    include: SESSION_INCLUDE,
    relationLoadStrategy: "join",
    orderBy: [{ startedAt: "desc" }, { createdAt: "desc" }],
    take: options.limit,
  });
  return rows.map(toStoredSession);
}

/**
 * Moves a session to a new status and writes the matching timeline steps in
 * one transaction: pause / resume steps between active and paused; a
 * resolution or escalation step (closing an open pause first) with ended_at.
 * One winner: the status is checked and changed under a row lock, so of
 * two concurrent changes (parallel resolves, a double click) one applies and
 * the other gets FlowPilotError "conflict" naming the current status, also
 * when it asked for the status the session already has.
 */
export async function setStatus(
  prisma: PrismaClient,
  sessionId: string,
  status: SessionStatus,
  change: StatusChange = {},
): Promise<StoredSession> {
  const at = change.at ?? new Date();
  const summary = change.summary?.trim();
  const reason = change.reason?.trim();
  if (status === "resolved" && !summary)
    throw new FlowPilotError("invalid_input", "Resolving a session needs a summary of what fixed it.");
  if (status === "escalated" && !reason)
    throw new FlowPilotError("invalid_input", "Escalating a session needs a reason.");
  if (!isUuid(sessionId)) throw sessionNotFound();

  return prisma.$transaction(async (tx) => {
    // Row lock: two concurrent changes (a double-clicked button) see each other's result.
    const locked = await tx.$queryRaw<Array<{ status: SessionStatus }>>`
      SELECT status::text AS status FROM sessions WHERE id = ${sessionId}::uuid FOR NO KEY UPDATE`;
    const current = locked[0]?.status;
    if (!current) throw sessionNotFound();
    if (current === status) {
      throw new FlowPilotError("conflict", `This session is already ${current}.`);
    }
    if (!OPEN.includes(current)) {
      throw new FlowPilotError(
        "conflict",
        `This session is already ${current}; it cannot be ${verbFor(status)}.`,
      );
    }
    const steps: Prisma.SessionStepCreateWithoutSessionInput[] = [];
    const data: Prisma.SessionUpdateInput = { status };
    if (status === "paused") {
      steps.push({
        stepType: "pause",
        content: change.pauseReason ? { reason: change.pauseReason } : {},
        createdAt: at,
      });
    } else {
      if (current === "paused") steps.push({ stepType: "resume", content: {}, createdAt: at });
      if (status === "resolved") {
        steps.push({ stepType: "resolution", content: { summary: summary! }, createdAt: at });
        Object.assign(data, { resolutionSummary: summary, endedAt: at });
      } else if (status === "escalated") {
        steps.push({ stepType: "escalation", content: { reason: reason! }, createdAt: at });
        Object.assign(data, { escalationReason: reason, endedAt: at });
      }
    }
    // One step per create call keeps their insertion order (seq) deterministic.
    for (const step of steps)
      await tx.sessionStep.create({ data: { ...step, session: { connect: { id: sessionId } } } });
    const row = await tx.session.update({
      where: { id: sessionId },
      data,
      include: SESSION_INCLUDE,
      relationLoadStrategy: "join",
    });
    return toStoredSession(row);
  });
}

const verbFor = (status: SessionStatus) =>
  status === "active" ? "resumed" : status === "paused" ? "paused" : status;

export const sessionNotFound = () => new FlowPilotError("not_found", "That session does not exist.");

/**
 * Moves a channel-level session into the thread its header started (Slack:
 * replies to the header carry its ts as thread_ts), so replies there find it.
 */
export async function moveSessionToThread(
  prisma: PrismaClient,
  sessionId: string,
  threadId: string,
): Promise<void> {
  if (!isUuid(sessionId)) return;
  await prisma.session.updateMany({ where: { id: sessionId, threadId: null }, data: { threadId } });
}

/** Remembers the header message the bot posted for a session. */
export async function setHeaderMessage(
  prisma: PrismaClient,
  sessionId: string,
  messageId: string,
): Promise<void> {
  if (!isUuid(sessionId)) return;
  await prisma.session.updateMany({ where: { id: sessionId }, data: { headerMessageId: messageId } });
}
