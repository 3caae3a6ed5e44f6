/**
 * What the chat flow should do with one message: write an update, change the
 * update on screen, ask a short question, or stay silent. The recognizer's
 * offline reading decides; the LLM (when configured) is asked about the
 * uncertain middle and about other languages before a question is.
 */
import type { Turn, UpdateChange, UpdateOnScreen } from "../domain/index.ts";
import type { OfflineReading } from "./classify.ts";
import { ASK_FLOOR, REQUEST_THRESHOLD } from "./classify.ts";
import type { Audience } from "./types.ts";

// The shapes are the chat flow's port (src/domain/turns.ts); the decision is made here.
export type { Turn, UpdateChange, UpdateOnScreen };

/** The clarifying question's wording and its choices, in button order. */
export const CLARIFY_QUESTION = "Want an update?";
export const CLARIFY_CHOICES: Audience[] = ["client_update", "ticket_notes", "email_draft"];

export { ASK_FLOOR };

/** The change a follow-up names: its slots (only those it states) and its addition. */
export function changeOf(reading: OfflineReading): UpdateChange | null {
  if (!reading.edit) return null;
  const { audience, length, context } = reading.result;
  const change: UpdateChange = { form: reading.edit.form };
  if (audience) change.audience = audience;
  if (length) change.length = length;
  if (context && context !== "update") change.context = context;
  if (reading.edit.addition) change.addition = reading.edit.addition;
  return change;
}

/** Offline decision for a reading, given whether an update is on screen (no LLM involved). */
export function offlineTurn(reading: OfflineReading, onScreen: UpdateOnScreen | null): Turn {
  const { result, p } = reading;
  if (onScreen && reading.english && p >= ASK_FLOOR) {
    const change = changeOf(reading);
    if (change) {
      const merged = { ...onScreen, ...change };
      return {
        kind: "follow_up",
        change,
        result: {
          ...result,
          intent: "status_update",
          audience: merged.audience ?? null,
          length: merged.length ?? null,
          context: merged.context ?? null,
        },
      };
    }
  }
  if (result.intent === "status_update") return { kind: "request", result };
  if (reading.english && p >= ASK_FLOOR && p < REQUEST_THRESHOLD && reading.showsARequest)
    return { kind: "clarify", question: CLARIFY_QUESTION, choices: CLARIFY_CHOICES, result };
  return { kind: "none", result };
}
