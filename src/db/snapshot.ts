import type { Pause, PreviousUpdate, SessionMessage, SessionSnapshot } from "../engine/types.ts";
import { nextTurn } from "../event-loop-turns.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { finalText } from "../sessions/steps.ts";
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
  const messages: SessionMessage[] = [];
  const pauses: Pause[] = [];
  const previousUpdates: PreviousUpdate[] = [];
  const averageChars = session.messageCount > 0 ? session.textChars / session.messageCount : 0;
  for await (const step of timeline(prisma, sessionId, averageChars)) {
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

/** Text read per query of a long timeline: about 20 ms of the event loop on embedded PGlite. */
const PAGE_CHARS = 300_000;
const PAGE_ROWS = { min: 10, max: 500 };

/**
 * The session's steps in order. A long session is read a page at a time with
 * other requests served between pages: embedded PGlite runs each query inside
 * this process, and a whole full session in one query holds every request for
 * ~150 ms. A page holds about PAGE_CHARS of text, going by the session's
 * average message and then by the longest page average seen, so a short
 * session is still one query.
 */
async function* timeline(prisma: PrismaClient, sessionId: string, averageChars: number) {
  let charsPerRow = Math.max(averageChars, 1);
  let after: { createdAt: Date; seq: number } | undefined;
  for (;;) {
    const take = Math.min(PAGE_ROWS.max, Math.max(PAGE_ROWS.min, Math.floor(PAGE_CHARS / charsPerRow)));
    const page = await prisma.sessionStep.findMany({
      where: {
        sessionId,
        stepType: { in: ["message", "pause", "resume", "status_update"] },
        // After the last row by (created_at, seq): an index range with the ties filtered.
        ...(after && {
          createdAt: { gte: after.createdAt },
          NOT: { createdAt: after.createdAt, seq: { lte: after.seq } },
        }),
      },
      orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
      take,
    });
    yield* page;
    if (page.length < take) return;
    const last = page.at(-1)!;
    after = { createdAt: last.createdAt, seq: last.seq };
    charsPerRow = Math.max(
      charsPerRow,
      page.reduce((sum, s) => sum + textLength(s.content), 0) / page.length,
    );
    await nextTurn();
  }
}

const textLength = (content: unknown) =>
  typeof content === "object" && content !== null && "text" in content && typeof content.text === "string"
    ? content.text.length
    : 0;

/** Absent fields stay absent (not `key: undefined`), as in a snapshot built from a transcript. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
