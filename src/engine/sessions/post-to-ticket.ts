import { type PostOutcome, postVisibility } from "../../domain/index.ts";
import { FlowPilotError } from "../../errors.ts";
import type { SessionInfo, StoredUpdate } from "../conversation/store.ts";
import { finalText } from "../steps.ts";
import type { SessionDeps } from "./deps.ts";

/**
 * Posts an update to its session's ticket: ticket notes as an internal note,
 * client updates as an external (portal-visible) note; resolution updates
 * carry the resolution flag. Refuses (FlowPilotError) what cannot be posted at
 * all; a PSA failure is returned, not thrown, after the outcome is stored on
 * the update so the text stays available to copy. Chat and REST share this.
 */
export async function pushUpdateToTicket(
  deps: SessionDeps,
  input: {
    accountId: string;
    session: SessionInfo;
    update: StoredUpdate;
    memberIdentifier?: string;
    now: Date;
  },
): Promise<PostOutcome> {
  const { session, update } = input;
  const visibility = postVisibility(update.audience);
  const tickets = deps.tickets;
  if (!visibility)
    throw new FlowPilotError(
      "invalid_input",
      "Email drafts are sent by email, not posted to the ticket. Use Copy.",
    );
  if (!session.ticketId)
    throw new FlowPilotError(
      "invalid_input",
      "This session is not linked to a ticket, so there is nothing to post to. Use Copy.",
    );
  if (!tickets || !(await tickets.isConnected(input.accountId))) {
    throw new FlowPilotError(
      "psa_not_connected",
      "No PSA is connected for this workspace, so Post to Ticket is unavailable. Use Copy.",
    );
  }
  if (update.delivery.psa_push_status === "posted" && update.delivery.psa_note_id) {
    return { ok: true, noteId: update.delivery.psa_note_id, visibility, alreadyPosted: true };
  }
  await deps.store.patchUpdate(update.id, {
    delivery: { ...update.delivery, psa_push_status: "pending" },
  });
  try {
    const { noteId } = await tickets.post(input.accountId, {
      ticketId: session.ticketId,
      text: finalText(update),
      visibility,
      resolution: update.context === "resolution",
      memberIdentifier: input.memberIdentifier,
      mayExist: update.delivery.psa_push_status === "failed" || update.delivery.psa_push_status === "pending",
    });
    await deps.store.patchUpdate(update.id, {
      delivery: {
        ...update.delivery,
        psa_push_status: "posted",
        psa_note_id: noteId,
        psa_note_visibility: visibility,
        posted_at: input.now.toISOString(),
        psa_error: undefined,
      },
    });
    return { ok: true, noteId, visibility, alreadyPosted: false };
  } catch (err) {
    const message = err instanceof FlowPilotError ? err.userMessage : "The PSA did not accept the note.";
    await deps.store.patchUpdate(update.id, {
      delivery: { ...update.delivery, psa_push_status: "failed", psa_error: message },
    });
    deps.logger?.warn(
      { sessionId: session.id, updateId: update.id, code: (err as FlowPilotError).code },
      "post to ticket failed",
    );
    return { ok: false, error: message, visibility, content: finalText(update) };
  }
}
