/**
 * What the chat flow should do with one message: write an update, change the
 * update on screen, ask a short question, or stay silent. The recognizer's
 * offline reading decides; the LLM (when configured) is asked about the
 * uncertain middle and about other languages before a question is.
 */
import type { OfflineReading } from "./classify.ts";
import { REQUEST_THRESHOLD } from "./classify.ts";
import type { EditForm } from "./follow-up.ts";
import type { Audience, IntentResult, UpdateSlots } from "./types.ts";

/** The slots of the update on screen: the one FlowPilot last showed in this thread, still open to changes. */
export type UpdateOnScreen = UpdateSlots;

/** A change to the update on screen: only the slots the message names, and a line to add. */
export interface UpdateChange {
  form: EditForm;
  audience?: Audience;
  length?: "quick" | "detailed";
  context?: "resolution" | "escalation";
  /** Words to add to the update ("we will be onsite tomorrow at 8"), for form "add". */
  addition?: string;
}

/**
 * One message's outcome:
 * - `request`: write an update with `result`'s slots (the chat flow asks for a slot left null);
 * - `follow_up`: rewrite the update on screen with `change` applied over its slots;
 * - `clarify`: post `question` with `choices` as buttons; a pick starts the update flow with that audience;
 * - `none`: stay silent (record the message as usual).
 * `result` is always the plain answer (status_update or none) for callers that only know intents.
 */
export type Turn =
  | { kind: "request"; result: IntentResult }
  | { kind: "follow_up"; change: UpdateChange; result: IntentResult }
  | { kind: "clarify"; question: string; choices: Audience[]; result: IntentResult }
  | { kind: "none"; result: IntentResult };

/** The clarifying question's wording and its choices, in button order. */
export const CLARIFY_QUESTION = "Want an update?";
export const CLARIFY_CHOICES: Audience[] = ["client_update", "ticket_notes", "email_draft"];

/** Below this probability a message is chatter: silent, never a question. */
export const ASK_FLOOR = 0.35;

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
  if (reading.english && p >= ASK_FLOOR && p < REQUEST_THRESHOLD && (reading.askedByRules || p >= 0.5))
    return { kind: "clarify", question: CLARIFY_QUESTION, choices: CLARIFY_CHOICES, result };
  return { kind: "none", result };
}
