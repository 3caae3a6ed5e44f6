/**
 * Status-update intent recognition: rules first (sync, fast, a pre-filter
 * before any NLP work), an LLM only for the uncertain band when configured.
 */

export {
  createIntentRecognizer,
  DEFAULT_UNCERTAIN_BAND,
  type IntentRecognizer,
  type IntentRecognizerOptions,
} from "./recognizer.ts";
export { recognizeByRules } from "./rules.ts";
export type { Audience, IntentResult, IntentSlots, Length, UpdateContextKind } from "./types.ts";
