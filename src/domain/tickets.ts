import type { NoteVisibility } from "./enums.ts";

/** A PSA ticket as far as a session needs it. */
export interface TicketDetails {
  ticketId: string;
  summary?: string;
  company?: string;
  contact?: string;
}

/** A note to post on a ticket. */
export interface TicketNote {
  ticketId: string;
  text: string;
  visibility: NoteVisibility;
  resolution: boolean;
  /** The engineer's PSA member, when mapped: the note is written as them. */
  memberIdentifier?: string;
  /** An earlier attempt failed ambiguously: check the ticket before posting again. */
  mayExist?: boolean;
}

/**
 * The account's PSA as the engine sees it (src/psa implements it): whether
 * one is connected, ticket lookup on session start, and Post to Ticket.
 */
export interface TicketPort {
  /** Whether this account can post notes (a PSA is connected). */
  isConnected(accountId: string): Promise<boolean>;
  /** The ticket's summary, company and contact; null when the PSA has no such ticket. */
  lookup(accountId: string, ticketId: string): Promise<TicketDetails | null>;
  post(accountId: string, note: TicketNote): Promise<{ noteId: string; reusedExisting?: boolean }>;
  /** The PSA member with this identifier or e-mail address, or null. */
  findMember(accountId: string, query: string): Promise<{ identifier: string; name: string } | null>;
}

/** What became of Post to Ticket: posted (or found already there), or a failure with the text to copy by hand. */
export type PostOutcome =
  | { ok: true; noteId: string; visibility: NoteVisibility; alreadyPosted: boolean }
  | { ok: false; error: string; visibility: NoteVisibility; content: string };
