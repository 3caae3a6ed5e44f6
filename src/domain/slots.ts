import type { Audience, Length, UpdateContextKind } from "./enums.ts";

/**
 * What an update request states: the recognizer's answer and the update
 * flow's input. A slot the request does not state is null (or absent): the
 * bot then asks instead of guessing. `context` null is an ordinary update.
 */
export interface UpdateSlots {
  audience: Audience | null;
  length: Length | null;
  context: UpdateContextKind | null;
}

export type Intent = "status_update" | "none";

/** What the recognizer made of one chat message. */
export interface IntentResult extends UpdateSlots {
  intent: Intent;
  /** Confidence in `intent` (not in "status_update"), 0..1. */
  confidence: number;
  source: "model" | "llm";
}

/** The thread around a message: read only when the recognizer consults its LLM. */
export interface ThreadContext {
  /** The thread's last few messages before this one, oldest first. */
  recent?: () => Promise<readonly string[]>;
}

/** How the engine reaches the intent recognizer (src/intents implements it). */
export interface IntentRecognizer {
  recognize(text: string, thread?: ThreadContext): Promise<IntentResult>;
}
