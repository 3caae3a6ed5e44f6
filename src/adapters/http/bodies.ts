import type { WrittenUpdate } from "../../engine/types.ts";
import type { SessionOverview, TicketPostResult } from "../../sessions/api/index.ts";
import { finalText } from "../../sessions/steps.ts";
import type { StoredUpdate } from "../../sessions/types.ts";

/**
 * The REST API's JSON bodies (snake_case, ISO times), shaped from the
 * engine's domain data. The route schemas in schemas.ts validate them and the
 * OpenAPI document describes them; `flowpilot generate --json` prints the
 * written-update body too, so both say the same thing the same way.
 */

/** A session: stored fields plus the inferred progress. */
export function sessionBody(s: SessionOverview) {
  return {
    session_id: s.id,
    ticket_id: s.ticketId,
    ticket_summary: s.ticketSummary,
    client_company: s.clientCompany,
    client_contact: s.clientContact,
    engineer_name: s.engineerName,
    status: s.status,
    session_status: s.sessionStatus,
    waiting_on: s.waitingOn
      ? {
          party: s.waitingOn.on,
          who: s.waitingOn.who ?? null,
          for: s.waitingOn.text,
          message_ids: s.waitingOn.sources,
        }
      : null,
    started_at: s.startedAt.toISOString(),
    message_count: s.messageCount,
    updates_count: s.updatesCount,
    time_spent_minutes: s.timeSpentMinutes,
    resolution_summary: s.resolutionSummary,
    escalation_reason: s.escalationReason,
  };
}

/** An update as written (not stored): the spec's status-update fields, the writer, and why the LLM was not used. */
export function writtenUpdateBody(u: WrittenUpdate) {
  return {
    content: u.content,
    audience: u.audience,
    length: u.length,
    context: u.context,
    session_status: u.sessionStatus,
    steps_completed: u.stepsCompleted,
    time_spent_minutes: u.timeSpentMinutes,
    generated_at: u.generatedAt.toISOString(),
    writer: u.writer,
    ...(u.fallbackReason ? { fallback_reason: u.fallbackReason } : {}),
    ...(u.sources ? { sources: u.sources } : {}),
  };
}

/** A stored update; `content` is what Copy and Post to Ticket use (the edit, if any). */
export function storedUpdateBody(update: StoredUpdate) {
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

/** Post to Ticket: 200 with the note, or 502 with the text to copy by hand. */
export function postResultReply(r: TicketPostResult) {
  return r.ok
    ? {
        status: 200,
        body: {
          note_id: r.noteId,
          visibility: r.visibility,
          ticket_id: r.ticketId,
          already_posted: r.alreadyPosted,
        },
      }
    : {
        status: 502,
        body: {
          error: { code: "psa_unavailable", message: r.error },
          visibility: r.visibility,
          ticket_id: r.ticketId,
          content: r.content,
        },
      };
}
