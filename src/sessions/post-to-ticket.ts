import { AUDIENCE_TRAITS, type NoteVisibility, type PostOutcome, type TicketPort } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";
import { finalText } from "./steps.ts";
import type { SessionInfo, StoredUpdate } from "./types.ts";

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
  const visibility = AUDIENCE_TRAITS[update.audience].postsAs;
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
  // One post at a time per update, across presses, retries and processes: a lease, released after.
  const lease = `post:${update.id}`;
  if (!(await deps.store.claimOnce(input.accountId, lease, POST_LEASE_MS, input.now)))
    throw new FlowPilotError(
      "conflict",
      "This update is being posted to the ticket right now; its result will show here in a moment.",
    );
  try {
    // Another press may have posted it between our read and the lease.
    const fresh = (await deps.store.getUpdate(session.id, update.id)) ?? update;
    if (fresh.delivery.psa_push_status === "posted" && fresh.delivery.psa_note_id)
      return { ok: true, noteId: fresh.delivery.psa_note_id, visibility, alreadyPosted: true };
    return await post(deps, { ...input, update: fresh, ticketId: session.ticketId }, tickets, visibility);
  } finally {
    await deps.store.releaseClaim(input.accountId, lease);
  }
}

/**
 * Whether Post to Ticket can work for this update (a PSA connected, the
 * session linked to a ticket, an audience that is posted), and as which note.
 */
export async function postability(
  deps: Pick<SessionDeps, "tickets">,
  accountId: string,
  session: SessionInfo,
  update: StoredUpdate,
): Promise<{ canPost: boolean; visibility: NoteVisibility | null }> {
  const visibility = AUDIENCE_TRAITS[update.audience].postsAs;
  const connected = (await deps.tickets?.isConnected(accountId)) ?? false;
  return { canPost: connected && Boolean(session.ticketId) && visibility !== null, visibility };
}

/** Longest a post holds its lease: the PSA client's retries (4 x 15 s plus backoff) fit in it. */
const POST_LEASE_MS = 5 * 60_000;

async function post(
  deps: SessionDeps,
  input: {
    accountId: string;
    session: SessionInfo;
    ticketId: string;
    update: StoredUpdate;
    memberIdentifier?: string;
    now: Date;
  },
  tickets: TicketPort,
  visibility: NoteVisibility,
): Promise<PostOutcome> {
  const { session, update } = input;
  await deps.store.patchUpdate(update.id, {
    delivery: { ...update.delivery, psa_push_status: "pending" },
  });
  try {
    const { noteId } = await tickets.post(input.accountId, {
      ticketId: input.ticketId,
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
