import { z } from "zod";
import { MAX_SESSION_MESSAGES, MAX_SESSION_TEXT_CHARS } from "../domain/limits.ts";
import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import {
  escalationStepSchema,
  type MessageStepContent,
  messageStepSchema,
  pauseStepSchema,
  reminderStepSchema,
  resolutionStepSchema,
  statusUpdateStepSchema,
} from "../sessions/steps.ts";
import { describeFirstIssue } from "../zod-issue.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";
import { isUuid, type StoredSession } from "./records.ts";
import { sessionNotFound, setStatus } from "./sessions.ts";

/** The session timeline: messages and other steps, each validated by its step type's schema. */

/** Resume steps carry nothing (steps.ts has no schema for them). */
const resumeStepSchema = z.object({});

export const STEP_SCHEMAS = {
  message: messageStepSchema,
  status_update: statusUpdateStepSchema,
  update_reminder: reminderStepSchema,
  resolution: resolutionStepSchema,
  escalation: escalationStepSchema,
  pause: pauseStepSchema,
  resume: resumeStepSchema,
} as const;

export type StepType = keyof typeof STEP_SCHEMAS;
export type StepContent<T extends StepType> = z.infer<(typeof STEP_SCHEMAS)[T]>;

interface StepBase {
  id: string;
  sessionId: string;
  createdAt: Date;
}

/** A stored step with its content parsed by its type's schema. */
export type StoredStep = {
  [T in StepType]: StepBase & { stepType: T; content: StepContent<T> };
}[StepType];

/** Step types that change the session's status: written by setStatus / pauseSession / resumeSession only. */
const LIFECYCLE_STEPS: readonly StepType[] = ["pause", "resume", "resolution", "escalation"];

/** Validates step content against its type's schema; bad content throws FlowPilotError("invalid_input"). */
export function parseStepContent<T extends StepType>(stepType: T, content: unknown): StepContent<T> {
  const result = STEP_SCHEMAS[stepType].safeParse(content);
  if (!result.success) {
    throw new FlowPilotError(
      "invalid_input",
      `Invalid ${stepType} step: ${describeFirstIssue(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return result.data as StepContent<T>;
}

/**
 * Appends a message. A message carrying a platform_message_id already stored
 * in the session (platforms redeliver events) is not stored twice: the
 * existing step's id is returned with `duplicate: true`.
 */
export async function appendMessage(
  prisma: PrismaClient,
  sessionId: string,
  message: MessageStepContent,
  options: { at?: Date } = {},
): Promise<{ id: string; duplicate: boolean }> {
  const { steps } = await appendMessages(prisma, sessionId, [message], options);
  return steps[0]!;
}

const sessionFull = (size: { messages: number; chars: number }) =>
  new FlowPilotError(
    "too_large",
    `This session is full (${size.messages.toLocaleString("en-US")} messages, ${size.chars.toLocaleString("en-US")} characters; at most ${MAX_SESSION_MESSAGES.toLocaleString("en-US")} messages and ${MAX_SESSION_TEXT_CHARS.toLocaleString("en-US")} characters). Nothing was recorded: attach long logs to the ticket, or resolve this session and start a new one.`,
  );

/**
 * Appends messages in order, in one transaction (all or none), each once per
 * platform_message_id. `messageCount` is the session's count as this
 * transaction left it, so parallel batches each report a count that was true.
 */
export async function appendMessages(
  prisma: PrismaClient,
  sessionId: string,
  messages: MessageStepContent[],
  options: { at?: Date } = {},
): Promise<{ steps: { id: string; duplicate: boolean }[]; messageCount: number }> {
  const contents = messages.map((m) => parseStepContent("message", m));
  if (!isUuid(sessionId)) throw sessionNotFound();
  return prisma.$transaction(async (tx) => {
    // Locks the session row: two deliveries of one event cannot both pass the duplicate check,
    // and two batches cannot both fit under the size limits.
    const found = await tx.$queryRaw<Array<{ message_count: number; text_chars: number }>>`
      SELECT message_count, text_chars FROM sessions WHERE id = ${sessionId}::uuid FOR NO KEY UPDATE`;
    if (found.length === 0) throw sessionNotFound();
    const size = { messages: found[0]!.message_count, chars: Number(found[0]!.text_chars) };
    const results: { id: string; duplicate: boolean }[] = [];
    let added = 0;
    let addedChars = 0;
    for (const content of contents) {
      if (content.platform_message_id) {
        const existing = await tx.sessionStep.findFirst({
          where: {
            sessionId,
            stepType: "message",
            content: { path: ["platform_message_id"], equals: content.platform_message_id },
          },
          select: { id: true },
        });
        if (existing) {
          results.push({ id: existing.id, duplicate: true });
          continue;
        }
      }
      added += 1;
      addedChars += content.text.length;
      if (size.messages + added > MAX_SESSION_MESSAGES || size.chars + addedChars > MAX_SESSION_TEXT_CHARS)
        throw sessionFull(size);
      const step = await tx.sessionStep.create({
        data: { sessionId, stepType: "message", content, createdAt: options.at ?? new Date() },
        select: { id: true },
      });
      results.push({ id: step.id, duplicate: false });
    }
    if (added > 0)
      await tx.$executeRaw`
        UPDATE sessions SET message_count = message_count + ${added}, text_chars = text_chars + ${addedChars}
         WHERE id = ${sessionId}::uuid`;
    // The row is locked since the read above: its count plus ours is the stored count.
    return { steps: results, messageCount: size.messages + added };
  }, QUEUED_ON_SESSION_LOCK);
}

/**
 * Batches to one session wait for each other on its row lock: a burst of them
 * must not fail on Prisma's default limits (2 s to start, 5 s in all, then a
 * 500); the HTTP request's own 30 s limit is what bounds the wait.
 */
const QUEUED_ON_SESSION_LOCK = { maxWait: 15_000, timeout: 25_000 };

/**
 * Appends a step of any non-lifecycle type, validated by its schema. Pause,
 * resume, resolution and escalation steps change the session's status, so
 * they go through pauseSession / resumeSession / setStatus instead.
 */
export async function appendStep<T extends StepType>(
  prisma: PrismaClient,
  sessionId: string,
  stepType: T,
  content: unknown,
  options: { at?: Date } = {},
): Promise<StoredStep> {
  if (LIFECYCLE_STEPS.includes(stepType)) {
    throw new FlowPilotError(
      "invalid_input",
      `A ${stepType} step changes the session's status; use setStatus, pauseSession or resumeSession.`,
    );
  }
  const parsed = parseStepContent(stepType, content);
  if (!isUuid(sessionId)) throw sessionNotFound();
  const row = await prisma.sessionStep
    .create({ data: { sessionId, stepType, content: parsed, createdAt: options.at ?? new Date() } })
    .catch((err: unknown) => {
      throw isForeignKeyViolation(err) ? sessionNotFound() : err;
    });
  return {
    id: row.id,
    sessionId: row.sessionId,
    createdAt: row.createdAt,
    stepType,
    content: parsed,
  } as StoredStep;
}

/** Pauses an active session: a pause step and status "paused", together. */
export function pauseSession(
  prisma: PrismaClient,
  sessionId: string,
  options: { reason?: string; at?: Date } = {},
): Promise<StoredSession> {
  return setStatus(prisma, sessionId, "paused", { pauseReason: options.reason, at: options.at });
}

/** Resumes a paused session: a resume step and status "active", together. */
export function resumeSession(
  prisma: PrismaClient,
  sessionId: string,
  options: { at?: Date } = {},
): Promise<StoredSession> {
  return setStatus(prisma, sessionId, "active", { at: options.at });
}

/** One step with its parsed content, or null. */
export async function getStep(prisma: PrismaClient, stepId: string): Promise<StoredStep | null> {
  if (!isUuid(stepId)) return null;
  const row = await prisma.sessionStep.findUnique({ where: { id: stepId } });
  if (!row) return null;
  return {
    id: row.id,
    sessionId: row.sessionId,
    createdAt: row.createdAt,
    stepType: row.stepType,
    content: STEP_SCHEMAS[row.stepType].parse(row.content),
  } as StoredStep;
}

/** How many messages the session has. */
/** The texts of a session's newest messages, oldest first. */
export async function recentMessageTexts(
  prisma: PrismaClient,
  sessionId: string,
  limit: number,
): Promise<string[]> {
  if (!isUuid(sessionId)) return [];
  const steps = await prisma.sessionStep.findMany({
    where: { sessionId, stepType: "message" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { content: true },
  });
  return steps
    .map((s) => (s.content as { text?: unknown }).text)
    .filter((t): t is string => typeof t === "string")
    .reverse();
}

export function countMessages(prisma: PrismaClient, sessionId: string): Promise<number> {
  if (!isUuid(sessionId)) return Promise.resolve(0);
  return prisma.sessionStep.count({ where: { sessionId, stepType: "message" } });
}
