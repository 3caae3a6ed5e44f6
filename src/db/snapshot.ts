import { messageStepSchema, statusUpdateStepSchema } from "../engine/steps.ts";
import type { Pause, PreviousUpdate, SessionMessage, SessionSnapshot } from "../engine/types.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * Loads a session with its whole timeline as the engine's snapshot: messages,
 * pauses (from pause/resume steps) and earlier updates ("since last update").
 */
export async function loadSessionSnapshot(
  prisma: PrismaClient,
  sessionId: string,
  now: Date,
): Promise<SessionSnapshot> {
  const session = await prisma.session.findUniqueOrThrow({
    where: { id: sessionId },
    include: { account: true, engineer: true },
  });
  const steps = await prisma.sessionStep.findMany({
    where: { sessionId, stepType: { in: ["message", "pause", "resume", "status_update"] } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
  });
  const messages: SessionMessage[] = [];
  const pauses: Pause[] = [];
  const previousUpdates: PreviousUpdate[] = [];
  for (const step of steps) {
    if (step.stepType === "message") {
      const m = messageStepSchema.parse(step.content);
      messages.push({ at: step.createdAt, author: m.author, text: m.text });
    } else if (step.stepType === "pause") {
      pauses.push({ from: step.createdAt, to: null });
    } else if (step.stepType === "resume") {
      const open = pauses.at(-1);
      if (open && open.to === null) open.to = step.createdAt;
    } else {
      const u = statusUpdateStepSchema.parse(step.content);
      previousUpdates.push({
        id: step.id,
        audience: u.audience,
        length: u.length,
        context: u.context,
        content: u.final_content ?? u.generated_content,
        sessionStatus: u.session_status,
        generatedAt: new Date(u.generated_at),
        messageCount: u.message_count,
      });
    }
  }
  return {
    id: session.id,
    ticket: {
      id: session.ticketId ?? undefined,
      summary: session.ticketSummary ?? undefined,
      company: session.clientCompany ?? undefined,
      contact: session.clientContact ?? undefined,
    },
    engineer: { name: session.engineer?.displayName, company: session.account.companyName || undefined },
    status: session.status,
    startedAt: session.startedAt,
    now,
    pauses,
    resolutionSummary: session.resolutionSummary ?? undefined,
    escalationReason: session.escalationReason ?? undefined,
    messages,
    previousUpdates,
  };
}
