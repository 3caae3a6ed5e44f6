/**
 * Writing an update from a session: read it, run the writer (offline or LLM)
 * and its guardrails, store the result as a status_update step. Chat and the
 * REST API both come here; neither posts anything from it.
 */

import type { SessionInfo, StoredUpdate } from "../conversation/store.ts";
import { generateStatusUpdate } from "../generate.ts";
import type { StatusUpdateStepContent } from "../steps.ts";
import type { CommunicationTemplates } from "../templates.ts";
import type { Audience, Length, SessionSnapshot, StatusUpdateResult, UpdateContextKind } from "../types.ts";
import type { SessionDeps } from "./deps.ts";

export interface UpdateRequestSlots {
  audience: Audience;
  length: Length;
  /** Omitted: follows the session status. */
  context?: UpdateContextKind;
}

export interface WriteInput {
  session: SessionInfo;
  templates: CommunicationTemplates;
  now: Date;
  request: UpdateRequestSlots;
  /** The session as already read by the caller; read here when omitted. */
  snapshot?: SessionSnapshot;
}

/** A written, not yet stored, update. */
export interface Draft {
  result: StatusUpdateResult;
  messageCount: number;
}

export async function draftUpdate(deps: SessionDeps, input: WriteInput): Promise<Draft> {
  const snapshot = input.snapshot ?? (await deps.store.loadSnapshot(input.session.id, input.now));
  const result = await generateStatusUpdate(snapshot, input.request, {
    templates: input.templates,
    writer: deps.writer,
  });
  if (result.fallback_reason)
    deps.logger?.warn({ sessionId: input.session.id, reason: result.fallback_reason }, "llm fallback");
  return { result, messageCount: snapshot.messages.length };
}

export function storeDraft(
  deps: SessionDeps,
  session: SessionInfo,
  draft: Draft,
  requestedBy: string,
): Promise<StoredUpdate> {
  return deps.store.recordUpdate(session.id, toStepContent(draft.result, draft.messageCount, requestedBy));
}

/** Writes and stores one update. */
export async function writeUpdate(
  deps: SessionDeps,
  input: WriteInput & { requestedBy: string },
): Promise<StoredUpdate> {
  return storeDraft(deps, input.session, await draftUpdate(deps, input), input.requestedBy);
}

function toStepContent(
  result: StatusUpdateResult,
  messageCount: number,
  requestedBy: string,
): StatusUpdateStepContent {
  return {
    audience: result.audience,
    length: result.length,
    context: result.context,
    generated_content: result.content,
    session_status: result.session_status,
    steps_completed: result.steps_completed,
    time_spent_minutes: result.time_spent_minutes,
    generated_at: result.generated_at,
    writer: result.writer,
    ...(result.fallback_reason ? { fallback_reason: result.fallback_reason } : {}),
    message_count: messageCount,
    delivery: { psa_push_status: "not_posted" },
    requested_by: requestedBy,
  };
}
