import type { Audience, Length, NoteVisibility } from "./enums.ts";

/**
 * What sets one audience apart from another, as data: code asks this table,
 * never `audience === "ticket_notes"`. A new audience is one row here (the
 * compiler then asks for its labels and guidance wherever a table is keyed by
 * audience) plus its writer.
 */
export interface AudienceTraits {
  /**
   * Who reads it: the MSP's technicians (`internal`) or the client. Text a
   * client reads passes the client-safety guardrails: nothing technical, no
   * secret marker.
   */
  reader: "internal" | "client";
  /** How Post to Ticket adds it to the PSA ticket: an internal or an external (portal-visible) note; null: never posted. */
  postsAs: NoteVisibility | null;
  /** Its format: `notes` follows the team's ticket_notes_format (markdown unless set to plain); `plain` is always plain text. */
  format: "notes" | "plain";
  /**
   * The letter around the body (greeting and sign-off), or null for none:
   * whether a quick one has it too, whether it has a subject line, and how
   * the automatic sign-off names the engineer (first name, or full name and
   * the MSP's company when the team's template includes it).
   */
  letter: null | { quick: boolean; subject: boolean; signedWith: "first_name" | "full_name_and_company" };
  /** Writer guidance: which length guidance it follows, and the model's closing instruction. */
  guidance: { length: "notes" | "client"; instruction: string };
}

export const AUDIENCE_TRAITS = {
  ticket_notes: {
    reader: "internal",
    postsAs: "internal",
    format: "notes",
    letter: null,
    guidance: { length: "notes", instruction: "Write the ticket note now. Output only the note." },
  },
  client_update: {
    reader: "client",
    postsAs: "external",
    format: "plain",
    letter: { quick: false, subject: false, signedWith: "first_name" },
    guidance: { length: "client", instruction: "Write the client update now. Output only the text." },
  },
  email_draft: {
    reader: "client",
    postsAs: null,
    format: "plain",
    letter: { quick: true, subject: true, signedWith: "full_name_and_company" },
    guidance: { length: "client", instruction: "Write the email body now. Output only the body." },
  },
} as const satisfies Record<Audience, AudienceTraits>;

/** Whether the client reads this audience's text (the client-safety guardrails apply). */
export function isClientFacing(audience: Audience): boolean {
  return AUDIENCE_TRAITS[audience].reader === "client";
}

/** The text's format: plain, or the team's ticket-notes format (markdown when the team has not said). */
export function updateFormat(
  audience: Audience,
  notesFormat: "markdown" | "plain" = "markdown",
): "markdown" | "plain" {
  return AUDIENCE_TRAITS[audience].format === "notes" ? notesFormat : "plain";
}

/** The letter around a text of this audience and length, or null when it has none. */
export function letterFor(audience: Audience, length: Length): AudienceTraits["letter"] {
  const letter: AudienceTraits["letter"] = AUDIENCE_TRAITS[audience].letter;
  return letter && (letter.quick || length !== "quick") ? letter : null;
}
