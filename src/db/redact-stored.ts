import { SessionRedactor } from "../engine/intake/redact-session.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * Removes secrets that versions before the intake redaction stored in clear
 * (message text, resolution and escalation summaries, ticket fields, update
 * texts). Runs once per detector version at start-up, recorded in
 * maintenance_runs; running it again changes nothing (redaction is idempotent).
 */
export const STORED_REDACTION_RUN = "redact-stored-secrets-v1";

const BATCH = 200;

export interface StoredRedactionResult {
  sessionsScanned: number;
  rowsChanged: number;
  skipped: boolean;
}

interface Logger {
  info(obj: object, msg?: string): void;
}

/** Text fields of a step's JSON content that people typed or that were written from typed text. */
const TEXT_FIELDS: Record<string, readonly string[]> = {
  message: ["text", "author_name"],
  resolution: ["summary"],
  escalation: ["reason"],
  pause: ["reason"],
  status_update: ["generated_content", "final_content"],
};

export async function redactStoredSecrets(
  prisma: PrismaClient,
  options: { force?: boolean; logger?: Logger } = {},
): Promise<StoredRedactionResult> {
  if (!options.force) {
    const done = await prisma.maintenanceRun.findUnique({ where: { name: STORED_REDACTION_RUN } });
    if (done) return { sessionsScanned: 0, rowsChanged: 0, skipped: true };
  }
  let sessionsScanned = 0;
  let rowsChanged = 0;
  for (let cursor: string | undefined; ; ) {
    const sessions = await prisma.session.findMany({
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
    });
    if (sessions.length === 0) break;
    for (const session of sessions) rowsChanged += await redactSession(prisma, session);
    sessionsScanned += sessions.length;
    cursor = sessions.at(-1)!.id;
  }
  const details = { sessions_scanned: sessionsScanned, rows_changed: rowsChanged };
  await prisma.maintenanceRun.upsert({
    where: { name: STORED_REDACTION_RUN },
    create: { name: STORED_REDACTION_RUN, details },
    update: { finishedAt: new Date(), details },
  });
  if (rowsChanged > 0) options.logger?.info(details, "removed secrets stored by an earlier version");
  return { sessionsScanned, rowsChanged, skipped: false };
}

type SessionRow = Awaited<ReturnType<PrismaClient["session"]["findMany"]>>[number];

async function redactSession(prisma: PrismaClient, session: SessionRow): Promise<number> {
  const r = new SessionRedactor();
  let changed = 0;
  const steps = await prisma.sessionStep.findMany({
    where: { sessionId: session.id },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
  });
  for (const step of steps) {
    const fields = TEXT_FIELDS[step.stepType];
    const content = step.content as Record<string, unknown> | null;
    if (!fields || !content || typeof content !== "object") continue;
    const next = { ...content };
    let differs = false;
    for (const field of fields) {
      const value = content[field];
      if (typeof value !== "string") continue;
      const clean = await r.text(value);
      if (clean !== value) {
        next[field] = clean;
        differs = true;
      }
    }
    if (differs) {
      await prisma.sessionStep.update({ where: { id: step.id }, data: { content: next as object } });
      changed += 1;
    }
  }
  const fields = {
    ticketSummary: session.ticketSummary,
    clientCompany: session.clientCompany,
    clientContact: session.clientContact,
    resolutionSummary: session.resolutionSummary,
    escalationReason: session.escalationReason,
  };
  const cleaned: Partial<Record<keyof typeof fields, string>> = {};
  for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, string | null]>) {
    if (value === null) continue;
    const clean = await r.text(value);
    if (clean !== value) cleaned[key] = clean;
  }
  if (Object.keys(cleaned).length > 0) {
    await prisma.session.update({ where: { id: session.id }, data: cleaned });
    changed += 1;
  }
  return changed;
}
