/**
 * The small PSA interface FlowPilot needs. ConnectWise is the first
 * implementation; Autotask or HaloPSA would implement the same three calls.
 */
export type NoteVisibility = "internal" | "external";

export interface PsaTicket {
  ticketId: string;
  summary?: string;
  company?: string;
  contact?: string;
}

export interface PsaNote {
  ticketId: string;
  text: string;
  /** internal: technicians only. external: visible to the client (portal). */
  visibility: NoteVisibility;
  /** Marks the note as the ticket's resolution. */
  resolution: boolean;
  /** The PSA member the note is written as, when the engineer is mapped to one. */
  memberIdentifier?: string;
  /**
   * A previous attempt may have reached the PSA (an earlier post failed
   * ambiguously): look for the same note on the ticket before posting again.
   */
  mayExist?: boolean;
}

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
  getTicket(ticketId: string): Promise<PsaTicket | null>;
  postNote(note: PsaNote): Promise<PostedNote>;
  /** Proves the connection works (credentials accepted); returns the PSA's version when it says. */
  checkConnection(): Promise<{ version?: string }>;
  /** The PSA member with this identifier or e-mail address, or null. */
  findMember(query: string): Promise<PsaMember | null>;
}
