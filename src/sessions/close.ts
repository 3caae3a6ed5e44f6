/**
 * Resolve and escalate as use cases: store the engineer's summary or reason,
 * cancel pending reminders (state, before anything is acknowledged), then
 * pre-generate the documentation (or handoff) note and the client update
 * with the team's defaults. No presentation: chat and REST show the result
 * their own way.
 */

import { isClosed, type SessionStatus } from "../domain/index.ts";
import type { CommunicationTemplates } from "../engine/templates.ts";
import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";
import type { SessionInfo } from "./types.ts";
import { writeUpdate } from "./write-update.ts";

const CLOSING = {
  resolution: {
    status: "resolved",
    missing: "What fixed it? Usage: /flowpilot resolve <what fixed it>",
    store: (deps: SessionDeps, id: string, text: string) => deps.store.resolveSession(id, text),
  },
  escalation: {
    status: "escalated",
    missing: "Why escalate? Usage: /flowpilot escalate <reason>",
    store: (deps: SessionDeps, id: string, text: string) => deps.store.escalateSession(id, text),
  },
} as const;

export type ClosingContext = keyof typeof CLOSING;

export const closedStatus = (context: ClosingContext): "resolved" | "escalated" => CLOSING[context].status;

/** A finished session cannot be resolved or escalated again. */
export function assertCanClose(session: SessionInfo, context: ClosingContext): void {
  if (isClosed(session.status)) {
    throw new FlowPilotError(
      "conflict",
      `This session is already ${session.status}; it cannot be ${CLOSING[context].status}.`,
    );
  }
}

/** The state change alone: in the database before anything is acknowledged. */
export async function closeState(
  deps: SessionDeps,
  session: SessionInfo,
  context: ClosingContext,
  text: string | undefined,
): Promise<{ closed: SessionInfo; cancelledReminders: number }> {
  const closing = CLOSING[context];
  assertCanClose(session, context);
  if (!text?.trim()) throw new FlowPilotError("invalid_input", closing.missing);
  await closing.store(deps, session.id, text.trim());
  const cancelledReminders = await deps.store.cancelPendingReminders(session.id, `session ${closing.status}`);
  const status: SessionStatus = closing.status;
  return { closed: { ...session, status }, cancelledReminders };
}

export interface ClosingDrafts {
  closed: SessionInfo;
  context: ClosingContext;
  templates: CommunicationTemplates;
  requestedBy: string;
  now: Date;
}

/** The documentation (or handoff) note and the client update, with the team's defaults. */
export async function draftClosing(deps: SessionDeps, input: ClosingDrafts) {
  const base = {
    session: input.closed,
    templates: input.templates,
    now: input.now,
    requestedBy: input.requestedBy,
  };
  const documentation = await writeUpdate(deps, {
    ...base,
    request: { audience: "ticket_notes", length: "detailed", context: input.context },
  });
  const share = await writeUpdate(deps, {
    ...base,
    request: { audience: "client_update", length: input.templates.default_length, context: input.context },
  });
  return { documentation, share };
}

/** Close and draft in one call (the REST API). */
export async function closeAndDraft(
  deps: SessionDeps,
  input: Omit<ClosingDrafts, "closed"> & { session: SessionInfo; text: string | undefined },
) {
  const state = await closeState(deps, input.session, input.context, input.text);
  return { ...state, ...(await draftClosing(deps, { ...input, closed: state.closed })) };
}
