/**
 * Status-update intent recognition: rules read each clause, a trained model
 * decides (sync, fast, a pre-filter before any NLP work), an LLM only for the
 * uncertain band of the calibrated confidence when configured.
 */

export { recognizeOffline } from "./classify.ts";
export {
  createIntentRecognizer,
  DEFAULT_UNCERTAIN_BAND,
  type IntentRecognizer,
  type IntentRecognizerOptions,
  type ThreadContext,
} from "./recognizer.ts";
export type { Audience, IntentResult, Length, UpdateContextKind, UpdateSlots } from "./types.ts";
