import { isClosed } from "../domain/index.ts";
import { redactTranscript } from "../engine/intake/redact-session.ts";
import type { Transcript } from "../engine/transcript.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Who the imported session belongs to. */
export interface ImportOptions {
  accountId: string;
  /**
   * The engineer to attach (upserted as a user of the account). Default: a
   * user named after transcript.engineer.name, keyed `import:<name>`; none when
   * the transcript names nobody.
   */
  engineer?: { platformUserId: string; displayName?: string };
}

/**
 * Imports a transcript as a stored session in one transaction: the engineer
 * user, the session (ticket fields, status, start, resolution/escalation),
 * message steps stamped with their own times, pause/resume steps.
 * transcript.engineer.company becomes the account's company name only if the
 * account has none yet (it is an account setting). Returns the session id.
 */
export async function importTranscript(
  prisma: PrismaClient,
  given: Transcript,
  options: ImportOptions,
): Promise<string> {
  const { accountId } = options;
  // Imported text is stored like typed text: through the intake, secrets replaced.
  const transcript = await redactTranscript(given);
  return prisma.$transaction(async (tx) => {
    const name = options.engineer?.displayName ?? transcript.engineer.name;
    const platformUserId = options.engineer?.platformUserId ?? (name ? `import:${name}` : undefined);
    const engineer = platformUserId
      ? await tx.user.upsert({
          where: { accountId_platformUserId: { accountId, platformUserId } },
          create: { accountId, platformUserId, displayName: name ?? platformUserId },
          update: name ? { displayName: name } : {},
        })
      : null;
    if (transcript.engineer.company) {
      await tx.account.updateMany({
        where: { id: accountId, companyName: "" },
        data: { companyName: transcript.engineer.company },
      });
    }
    const ended = isClosed(transcript.status);
    const lastMessageAt = transcript.messages.reduce<string | undefined>(
      (latest, m) => (!latest || Date.parse(m.at) > Date.parse(latest) ? m.at : latest),
      undefined,
    );
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
        startedAt: new Date(transcript.started_at),
        endedAt: ended ? new Date(lastMessageAt ?? transcript.now ?? transcript.started_at) : null,
        messageCount: transcript.messages.length,
        textChars: transcript.messages.reduce((sum, m) => sum + m.text.length, 0),
      },
    });
    const sessionId = session.id;
    const steps = [
      ...transcript.messages.map((m) => ({
        sessionId,
        stepType: "message" as const,
        content: { author: m.author, text: m.text },
        createdAt: new Date(m.at),
      })),
      ...transcript.pauses.flatMap((p) => [
        { sessionId, stepType: "pause" as const, content: {}, createdAt: new Date(p.from) },
        ...(p.to ? [{ sessionId, stepType: "resume" as const, content: {}, createdAt: new Date(p.to) }] : []),
      ]),
    ];
    if (steps.length > 0) await tx.sessionStep.createMany({ data: steps });
    return sessionId;
  });
}
