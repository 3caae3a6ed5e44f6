import { randomUUID } from "node:crypto";
import type { Transcript } from "../engine/transcript.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * Imports a transcript as a stored session (engineer, session, message steps
 * with their timestamps, pause/resume steps) in one transaction. Returns the
 * session id.
 */
export async function importTranscript(
  prisma: PrismaClient,
  transcript: Transcript,
  accountId: string,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const engineerName = transcript.engineer.name;
    const engineer = engineerName
      ? await tx.user.upsert({
          where: { accountId_platformUserId: { accountId, platformUserId: `import:${engineerName}` } },
          create: { accountId, platformUserId: `import:${engineerName}`, displayName: engineerName },
          update: { displayName: engineerName },
        })
      : null;
    if (transcript.engineer.company) {
      await tx.account.update({
        where: { id: accountId },
        data: { companyName: transcript.engineer.company },
      });
    }
    const session = await tx.session.create({
      data: {
        accountId,
        engineerId: engineer?.id,
        ticketId: transcript.ticket.id,
        ticketSummary: transcript.ticket.summary,
        clientCompany: transcript.ticket.company,
        clientContact: transcript.ticket.contact,
        status: transcript.status,
        resolutionSummary: transcript.resolution_summary,
        escalationReason: transcript.escalation_reason,
        conversationId: `import:${randomUUID()}`,
        startedAt: new Date(transcript.started_at),
      },
    });
    const steps = [
      ...transcript.messages.map((m) => ({
        sessionId: session.id,
        stepType: "message" as const,
        content: { author: m.author, text: m.text },
        createdAt: new Date(m.at),
      })),
      ...transcript.pauses.flatMap((p) => [
        { sessionId: session.id, stepType: "pause" as const, content: {}, createdAt: new Date(p.from) },
        ...(p.to
          ? [{ sessionId: session.id, stepType: "resume" as const, content: {}, createdAt: new Date(p.to) }]
          : []),
      ]),
    ];
    if (steps.length > 0) await tx.sessionStep.createMany({ data: steps });
    return session.id;
  });
}
