/**
 * Writing an update from a session: read it, run the writer (offline or LLM)
 * and its guardrails, store the result as a status_update step. Chat and the
 * REST API both come here; neither posts anything from it.
 */

import { generateStatusUpdate } from "../engine/generate.ts";
import type { CommunicationTemplates } from "../engine/templates.ts";
import type { Audience, Length, SessionSnapshot, UpdateContextKind, WrittenUpdate } from "../engine/types.ts";
import type { SessionDeps } from "./deps.ts";
import type { StatusUpdateStepContent } from "./steps.ts";
import type { SessionInfo, StoredUpdate } from "./types.ts";

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
  /**
   * A new version of this update (another audience or length, or with a line
   * added): written as that update was, so its versions are not "earlier updates".
   */
  versionOf?: StoredUpdate;
}

/**
 * The session as `update` saw it for "since the last update": the updates
 * written at its point in the session or later (itself and its other
 * versions; no message came between them) are left out, the messages kept.
 */
function asAtUpdate(snapshot: SessionSnapshot, update: StoredUpdate | undefined): SessionSnapshot {
  if (!update) return snapshot;
  const earlier = snapshot.previousUpdates.filter((u) => u.messageCount < update.message_count);
  return earlier.length === snapshot.previousUpdates.length
    ? snapshot
    : { ...snapshot, previousUpdates: earlier };
}

/** A written, not yet stored, update. */
interface Draft {
  result: WrittenUpdate;
  messageCount: number;
}

async function draftUpdate(deps: SessionDeps, input: WriteInput): Promise<Draft> {
  const snapshot = asAtUpdate(
    input.snapshot ?? (await deps.store.loadSnapshot(input.session.id, input.now)),
    input.versionOf,
  );
  const result = await generateStatusUpdate(snapshot, input.request, {
    templates: input.templates,
    writer: deps.writer,
  });
  if (result.fallbackReason)
    deps.logger?.warn({ sessionId: input.session.id, reason: result.fallbackReason }, "llm fallback");
  return { result, messageCount: snapshot.messages.length };
}

function storeDraft(
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

/**
 * Writes and stores the update a person asked for. Regenerating an update
 * (`replacing`) that comes out word for word the same stores no copy: the
 * answer says which writer wrote it again instead.
 */
export async function writeRequestedUpdate(
  deps: SessionDeps,
  input: WriteInput & { requestedBy: string; replacing?: StoredUpdate },
): Promise<{ stored: StoredUpdate } | { stored: null; sameTextBy: WrittenUpdate["writer"] }> {
  const draft = await draftUpdate(deps, input);
  if (input.replacing && draft.result.content === input.replacing.generated_content)
    return { stored: null, sameTextBy: draft.result.writer };
  return { stored: await storeDraft(deps, input.session, draft, input.requestedBy) };
}

function toStepContent(
  result: WrittenUpdate,
  messageCount: number,
  requestedBy: string,
): StatusUpdateStepContent {
  return {
    audience: result.audience,
    length: result.length,
    context: result.context,
    generated_content: result.content,
    session_status: result.sessionStatus,
    steps_completed: result.stepsCompleted,
    time_spent_minutes: result.timeSpentMinutes,
    generated_at: result.generatedAt.toISOString(),
    writer: result.writer,
    ...(result.fallbackReason ? { fallback_reason: result.fallbackReason } : {}),
    message_count: messageCount,
    delivery: { psa_push_status: "not_posted" },
    requested_by: requestedBy,
  };
}
