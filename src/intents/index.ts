/**
 * Status-update intent recognition: rules read each clause, a trained model
 * scores every clause with the whole message in view (sync, fast, a
 * pre-filter before any NLP work), an LLM only for the uncertain band and
 * other languages when configured; `recognizeTurn` also tells follow-ups to
 * an update on screen and when to ask a clarifying question.
 */

export { type OfflineReading, REQUEST_THRESHOLD, readOffline, recognizeOffline } from "./classify.ts";
export {
  createIntentRecognizer,
  DEFAULT_UNCERTAIN_BAND,
  type IntentRecognizer,
  type IntentRecognizerOptions,
  type ThreadContext,
  type TurnContext,
  type TurnRecognizer,
} from "./recognizer.ts";
export {
  ASK_FLOOR,
  CLARIFY_CHOICES,
  CLARIFY_QUESTION,
  type Turn,
  type UpdateChange,
  type UpdateOnScreen,
} from "./turn.ts";
export type { Audience, IntentResult, Length, UpdateContextKind, UpdateSlots } from "./types.ts";
