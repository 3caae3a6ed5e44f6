import { nextTurn } from "../event-loop-turns.ts";
import { readSessionWithAccount } from "./account/index.ts";
import { enforceGuardrails } from "./guardrails/index.ts";
import { redactSnapshot } from "./intake/redact-session.ts";
import { type CommunicationTemplates, DEFAULT_TEMPLATES } from "./templates.ts";
import type { SessionSnapshot, UpdateContextKind, UpdateRequest, WrittenUpdate } from "./types.ts";
import { offlineWriter } from "./writers/offline/index.ts";
import type { UpdateWriter } from "./writers/types.ts";

export interface GenerateOptions {
  templates?: CommunicationTemplates;
  /** Defaults to the offline writer. */
  writer?: UpdateWriter;
}

/** The context an update is written for when the request does not say. */
export function defaultContext(session: SessionSnapshot): UpdateContextKind {
  if (session.status === "resolved") return "resolution";
  if (session.status === "escalated") return "escalation";
  return "update";
}

/**
 * Writes one status update from the whole session and returns it with the
 * facts it was written from. Whatever wrote the text, the guardrails run last: no secret
 * from the session and, for client audiences, nothing technical gets out.
 */
export async function generateStatusUpdate(
  given: SessionSnapshot,
  request: UpdateRequest,
  options: GenerateOptions = {},
): Promise<WrittenUpdate> {
  // A stored session passed the intake message by message; a transcript is scanned here.
  const session = await redactSnapshot(given);
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const writer = options.writer ?? offlineWriter;
  // Facts, writing and the guardrails each take their own turn of the loop (up to ~20 ms each on a long session).
  const { facts, account } = await readSessionWithAccount(session);
  await nextTurn();
  const length = request.length ?? templates.default_length;
  const context = request.context ?? defaultContext(session);
  const written = await writer.write({
    session,
    facts,
    account,
    audience: request.audience,
    length,
    context,
    templates,
  });
  // The ticket id and the client's name are said verbatim even when they look like host names ("SEC-1").
  const verbatim = [facts.ticketId, facts.clientName].filter((v): v is string => Boolean(v));
  await nextTurn();
  const { text } = enforceGuardrails(written.content, request.audience, verbatim);
  return {
    content: text,
    audience: request.audience,
    length,
    context,
    sessionStatus: facts.status,
    stepsCompleted: facts.steps.length,
    timeSpentMinutes: facts.timeSpentMinutes,
    generatedAt: session.now,
    writer: written.writer,
    ...(written.fallbackReason ? { fallbackReason: written.fallbackReason } : {}),
    // Each sentence passes the same guardrails as the text it comes from.
    ...(written.sources
      ? {
          sources: written.sources.map((s) => ({
            sentence: enforceGuardrails(s.sentence, request.audience, verbatim).text,
            ids: s.ids,
          })),
        }
      : {}),
  };
}
