/**
 * The product's vocabulary, below the engine, the intent recognizer, the PSA
 * clients and the adapters: every layer imports these from here, so neither
 * the engine nor the recognizer needs the other's types.
 */

export const AUDIENCES = ["ticket_notes", "client_update", "email_draft"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LENGTHS = ["quick", "detailed"] as const;
export type Length = (typeof LENGTHS)[number];

export const UPDATE_CONTEXTS = ["update", "resolution", "escalation"] as const;
export type UpdateContextKind = (typeof UPDATE_CONTEXTS)[number];

/** The stored lifecycle state of a session. */
export const SESSION_STATUSES = ["active", "paused", "resolved", "escalated"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The troubleshooting progress the engine infers from a session. */
export const INFERRED_STATUSES = [
  "investigating",
  "identified",
  "implementing",
  "resolved",
  "escalated",
] as const;
export type InferredStatus = (typeof INFERRED_STATUSES)[number];

export const MESSAGE_AUTHORS = ["engineer", "assistant", "client"] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** A PSA note's visibility: technicians only, or the client's portal too. */
export type NoteVisibility = "internal" | "external";
