import type { Audience, Length, UpdateContextKind } from "../engine/types.ts";

export type { Audience, Length, UpdateContextKind };

export type Intent = "status_update" | "none";

/**
 * What the recognizer made of one chat message. A slot the message does not
 * state stays null: the bot then asks instead of guessing. `context` is null
 * for an ordinary mid-session update.
 */
export interface IntentResult {
  intent: Intent;
  audience: Audience | null;
  length: Length | null;
  context: UpdateContextKind | null;
  /** Confidence in `intent` (not in "status_update"), 0..1. */
  confidence: number;
  source: "model" | "llm";
}

/** The slots a request can state. */
export interface IntentSlots {
  audience: Audience | null;
  length: Length | null;
  context: UpdateContextKind | null;
}
