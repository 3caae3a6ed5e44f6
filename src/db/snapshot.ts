import { finalText } from "../engine/steps.ts";
import type { Pause, PreviousUpdate, SessionMessage, SessionSnapshot } from "../engine/types.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { isUuid } from "./records.ts";
import { sessionNotFound } from "./sessions.ts";
import { parseStepContent } from "./steps.ts";

/**
 * Loads a session with its whole timeline as the engine's snapshot: the
 * ticket, the engineer (name from the user, company from the account),
 * messages, pauses (pause/resume steps) and earlier updates ("since last update").
 */
export async function loadSessionSnapshot(
  prisma: PrismaClient,
  sessionId: string,
  options: { now?: Date; accountId?: string } = {},
): Promise<SessionSnapshot> {
  if (!isUuid(sessionId)) throw sessionNotFound();
  const session = await prisma.session.findFirst({
    where: { id: sessionId, ...(options.accountId ? { accountId: options.accountId } : {}) },
    include: { account: true, engineer: true },
    relationLoadStrategy: "join",
  });
  if (!session) throw sessionNotFound();
  const steps = await prisma.sessionStep.findMany({
    where: { sessionId, stepType: { in: ["message", "pause", "resume", "status_update"] } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
  });
  const messages: SessionMessage[] = [];
  const pauses: Pause[] = [];
  const previousUpdates: PreviousUpdate[] = [];
  for (const step of steps) {
    if (step.stepType === "message") {
      const m = parseStepContent("message", step.content);
      messages.push({ at: step.createdAt, author: m.author, text: m.text });
    } else if (step.stepType === "pause") {
      pauses.push({ from: step.createdAt, to: null });
    } else if (step.stepType === "resume") {
      const open = pauses.at(-1);
      if (open && open.to === null) open.to = step.createdAt;
    } else {
      const u = parseStepContent("status_update", step.content);
      previousUpdates.push({
        id: step.id,
        audience: u.audience,
        length: u.length,
        context: u.context,
        content: finalText(u),
        sessionStatus: u.session_status,
        generatedAt: new Date(u.generated_at),
        messageCount: u.message_count,
      });
    }
  }
  return {
    id: session.id,
    ticket: dropUndefined({
      id: session.ticketId ?? undefined,
      summary: session.ticketSummary ?? undefined,
      company: session.clientCompany ?? undefined,
      contact: session.clientContact ?? undefined,
    }),
    engineer: dropUndefined({
      name: session.engineerName || session.engineer?.displayName || undefined,
      company: session.account.companyName || undefined,
    }),
    status: session.status,
    startedAt: session.startedAt,
    now: options.now ?? new Date(),
    pauses,
    resolutionSummary: session.resolutionSummary ?? undefined,
    escalationReason: session.escalationReason ?? undefined,
    messages,
    previousUpdates,
    // Stored text passed the intake (and stored-data redaction at start-up): no second scan.
    secretsRedacted: true,
  };
}

/** Absent fields stay absent (not `key: undefined`), as in a snapshot built from a transcript. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
