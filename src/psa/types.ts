/**
 * The small PSA interface FlowPilot needs. ConnectWise is the first
 * implementation; Autotask or HaloPSA would implement the same three calls.
 */
import type { TicketDetails, TicketNote } from "../domain/index.ts";

export interface PostedNote {
  noteId: string;
  /** True when an identical note from an earlier ambiguous attempt was found instead of posting twice. */
  reusedExisting: boolean;
}

export interface PsaMember {
  identifier: string;
  name: string;
}

export interface PsaClient {
  readonly provider: string;
  /** The ticket, or null when the PSA has no ticket with this id. */
  getTicket(ticketId: string): Promise<TicketDetails | null>;
  postNote(note: TicketNote): Promise<PostedNote>;
  /** Proves the connection works (credentials accepted); returns the PSA's version when it says. */
  checkConnection(): Promise<{ version?: string }>;
  /** The PSA member with this identifier or e-mail address, or null. */
  findMember(query: string): Promise<PsaMember | null>;
}
