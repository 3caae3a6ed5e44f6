import type { TicketNote } from "../../domain/index.ts";

/**
 * The body of `POST /service/tickets/{id}/notes`.
 *
 * ConnectWise files a ticket note under one or more of three flags; the
 * ticket's Notes tab shows them as:
 * - `detailDescriptionFlag` "Discussion": the ticket's conversation with the
 *   client, shown in the customer portal (and to the contact, depending on
 *   the board's notification rules);
 * - `internalAnalysisFlag` "Internal": technicians only, never shown in the
 *   portal;
 * - `resolutionFlag` "Resolution": the note that records the fix; it is
 *   customer-visible unless it is also flagged internal.
 * At least one flag must be set or ConnectWise answers 400.
 *
 * So: Ticket Notes -> internal (internalAnalysisFlag), Client Update ->
 * discussion (detailDescriptionFlag, visible in the portal); resolution
 * updates add resolutionFlag to either.
 */
export interface ConnectWiseNoteBody {
  text: string;
  detailDescriptionFlag: boolean;
  internalAnalysisFlag: boolean;
  resolutionFlag: boolean;
  member?: { identifier: string };
}

/** ConnectWise limits note text; longer updates are refused rather than cut. */
export const CONNECTWISE_NOTE_MAX_CHARS = 50_000;

export function connectWiseNoteBody(note: TicketNote): ConnectWiseNoteBody {
  return {
    text: note.text,
    detailDescriptionFlag: note.visibility === "external",
    internalAnalysisFlag: note.visibility === "internal",
    resolutionFlag: note.resolution,
    ...(note.memberIdentifier ? { member: { identifier: note.memberIdentifier } } : {}),
  };
}

/** Whether a note already on the ticket is this one (same text and flags), for duplicate detection. */
export function isSameNote(
  existing: { text?: unknown; detailDescriptionFlag?: unknown; internalAnalysisFlag?: unknown },
  body: ConnectWiseNoteBody,
): boolean {
  return (
    typeof existing.text === "string" &&
    normalizeNoteText(existing.text) === normalizeNoteText(body.text) &&
    Boolean(existing.detailDescriptionFlag) === body.detailDescriptionFlag &&
    Boolean(existing.internalAnalysisFlag) === body.internalAnalysisFlag
  );
}

/** ConnectWise may rewrite line endings and trim; compare what a reader sees. */
function normalizeNoteText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
