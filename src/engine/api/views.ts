import { buildSessionFacts } from "../context/session-facts.ts";
import type { SessionInfo, StoredUpdate } from "../conversation/store.ts";
import { finalText } from "../steps.ts";
import type { SessionSnapshot } from "../types.ts";
import type { ApiSessionView, ApiUpdateView } from "./types.ts";

/** A session as the API shows it: stored fields plus what the engine infers from the timeline. */
export function sessionView(session: SessionInfo, snapshot: SessionSnapshot): ApiSessionView {
  const facts = buildSessionFacts(snapshot);
  return {
    session_id: session.id,
    ticket_id: session.ticketId,
    ticket_summary: session.ticketSummary,
    client_company: session.clientCompany,
    client_contact: session.clientContact,
    engineer_name: snapshot.engineer.name ?? null,
    status: snapshot.status,
    session_status: facts.status,
    started_at: session.startedAt.toISOString(),
    message_count: snapshot.messages.length,
    updates_count: snapshot.previousUpdates.length,
    time_spent_minutes: facts.timeSpentMinutes,
    resolution_summary: snapshot.resolutionSummary ?? null,
    escalation_reason: snapshot.escalationReason ?? null,
  };
}

/** A stored update as the API shows it; `content` is what Copy and Post to Ticket use (the edit, if any). */
export function updateView(update: StoredUpdate): ApiUpdateView {
  const d = update.delivery;
  return {
    update_id: update.id,
    content: finalText(update),
    audience: update.audience,
    length: update.length,
    context: update.context,
    session_status: update.session_status,
    steps_completed: update.steps_completed,
    time_spent_minutes: update.time_spent_minutes,
    generated_at: update.generated_at,
    writer: update.writer,
    edited: update.final_content !== undefined,
    delivery: {
      psa_push_status: d.psa_push_status,
      ...(d.psa_note_id ? { psa_note_id: d.psa_note_id } : {}),
      ...(d.psa_note_visibility ? { psa_note_visibility: d.psa_note_visibility } : {}),
      ...(d.psa_error ? { psa_error: d.psa_error } : {}),
      ...(d.posted_at ? { posted_at: d.posted_at } : {}),
    },
  };
}
