import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Delivery, StatusUpdateStepContent } from "../sessions/steps.ts";
import type { StoredUpdate } from "../sessions/types.ts";
import { isUuid } from "./records.ts";
import { appendStep, parseStepContent } from "./steps.ts";

/** Status updates: generated text, the engineer's edit, delivery state and feedback, stored as steps. */

/**
 * What may change on a stored update. The generated text and its facts are
 * history and stay as written. `delivery` fields are merged into the stored ones.
 */
export interface StatusUpdatePatch {
  final_content?: string;
  feedback?: "up" | "down";
  delivery?: Partial<Delivery>;
}

interface StepRow {
  id: string;
  sessionId: string;
  createdAt: Date;
  content: unknown;
}

function toStoredUpdate(row: StepRow): StoredUpdate {
  return {
    ...parseStepContent("status_update", row.content),
    id: row.id,
    sessionId: row.sessionId,
    createdAt: row.createdAt,
  };
}

/** Stores a generated update (validated); returns its step id. */
export async function recordStatusUpdate(
  prisma: PrismaClient,
  sessionId: string,
  content: StatusUpdateStepContent,
  options: { at?: Date } = {},
): Promise<string> {
  return (await storeStatusUpdate(prisma, sessionId, content, options)).id;
}

/** Stores an update and returns it as stored (validated content, id, time): no read-back. */
export async function storeStatusUpdate(
  prisma: PrismaClient,
  sessionId: string,
  content: StatusUpdateStepContent,
  options: { at?: Date } = {},
): Promise<StoredUpdate> {
  const step = await appendStep(prisma, sessionId, "status_update", content, options);
  return toStoredUpdate({ ...step, content: step.content });
}

/** One update, or null; with `sessionId`, only if it belongs to that session. */
export async function getStatusUpdate(
  prisma: PrismaClient,
  stepId: string,
  scope: { sessionId?: string } = {},
): Promise<StoredUpdate | null> {
  if (!isUuid(stepId)) return null;
  const row = await prisma.sessionStep.findFirst({
    where: {
      id: stepId,
      stepType: "status_update",
      ...(scope.sessionId ? { sessionId: scope.sessionId } : {}),
    },
  });
  return row ? toStoredUpdate(row) : null;
}

/**
 * Applies a patch to a stored update. Read-modify-write under a row lock, so
 * concurrent patches (a Copy click while the PSA post finishes) both survive.
 * The result is validated before it is written.
 */
export async function updateStatusUpdate(
  prisma: PrismaClient,
  stepId: string,
  patch: StatusUpdatePatch,
): Promise<StoredUpdate> {
  if (!isUuid(stepId)) throw updateNotFound();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ step_type: string }>>`
      SELECT step_type::text AS step_type FROM session_steps WHERE id = ${stepId}::uuid FOR UPDATE`;
    if (rows[0]?.step_type !== "status_update") throw updateNotFound();
    // Read through Prisma after locking: the content's JSON comes back exactly as stored.
    const step = await tx.sessionStep.findUniqueOrThrow({ where: { id: stepId } });
    const current = parseStepContent("status_update", step.content);
    const next = parseStepContent("status_update", {
      ...current,
      ...(patch.final_content !== undefined ? { final_content: patch.final_content } : {}),
      ...(patch.feedback !== undefined ? { feedback: patch.feedback } : {}),
      delivery: { ...current.delivery, ...stripUndefined(patch.delivery ?? {}) },
    });
    const saved = await tx.sessionStep.update({ where: { id: stepId }, data: { content: next } });
    return toStoredUpdate(saved);
  });
}

/** Where a page of updates starts and how long it is. */
export interface UpdatesPage {
  /** The id of the last update of the previous page; omitted for the first page. */
  after?: string;
  limit: number;
}

/**
 * The session's updates, oldest first (the update history); with a page,
 * the `limit` updates that follow update `after`. The position is the
 * (created_at, seq) of that update, so updates written while a caller pages
 * come at the end and none is skipped or repeated.
 */
export async function listStatusUpdates(
  prisma: PrismaClient,
  sessionId: string,
  page?: UpdatesPage,
): Promise<StoredUpdate[]> {
  if (!isUuid(sessionId)) return [];
  const where = { sessionId, stepType: "status_update" } as const;
  let position = {};
  if (page?.after !== undefined) {
    const after = isUuid(page.after)
      ? await prisma.sessionStep.findFirst({
          where: { ...where, id: page.after },
          select: { createdAt: true, seq: true },
        })
      : null;
    if (!after)
      throw new FlowPilotError(
        "invalid_input",
        "cursor: not a position in this session's updates; start again without it.",
      );
    position = {
      OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, seq: { gt: after.seq } }],
    };
  }
  const rows = await prisma.sessionStep.findMany({
    where: { ...where, ...position },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    take: page?.limit,
  });
  return rows.map(toStoredUpdate);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const updateNotFound = () => new FlowPilotError("not_found", "That update no longer exists.");
