import type { Audience, Length } from "./enums.ts";
import type { IntentRecognizer, IntentResult, ThreadContext, UpdateSlots } from "./slots.ts";

/**
 * What the chat flow does with one message: write an update, change the one
 * on screen, ask a short question, or stay silent. src/intents decides; the
 * chat core acts on it through this port.
 */

/** What an edit does to the update on screen. */
export type EditForm = "retarget" | "resize" | "restyle" | "add" | "redo";

/** The slots of the update on screen: the one FlowPilot last showed in this thread, still open to changes. */
export type UpdateOnScreen = UpdateSlots;

/** A change to the update on screen: only the slots the message names, and a line to add. */
export interface UpdateChange {
  form: EditForm;
  audience?: Audience;
  length?: Length;
  context?: "resolution" | "escalation";
  /** Words to add to the update, as the engineer typed them ("we'll be onsite tomorrow at 8"), for form "add". */
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

/**
 * The thread around a message and the update on screen (null or absent: none
 * open to changes). Given as a function, it is read only when the message
 * reads as an edit, so ordinary chatter costs no lookup.
 */
export interface TurnContext extends ThreadContext {
  onScreen?: UpdateOnScreen | null | (() => Promise<UpdateOnScreen | null>);
}

/** The recognizer with the chat flow's full answer: request, follow-up, clarifying question or silence. */
export interface TurnRecognizer extends IntentRecognizer {
  recognizeTurn(text: string, thread?: TurnContext): Promise<Turn>;
}
