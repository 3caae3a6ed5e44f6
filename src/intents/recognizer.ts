import type { LlmSettings } from "../llm/settings.ts";
import type { LlmIntentClassifierOptions } from "./llm-fallback.ts";
import { LruCache } from "./lru-cache.ts";
import { normalizeMessage } from "./normalize.ts";
import { mightAskForUpdate } from "./prefilter.ts";
import { recognizeByRules, recognizeNormalized } from "./rules.ts";
import type { IntentResult } from "./types.ts";

export interface IntentRecognizerOptions extends Pick<LlmIntentClassifierOptions, "client" | "onFailure"> {
  /** When given, the model is asked about messages whose rules confidence falls in `uncertainBand`. */
  llm?: LlmSettings;
  /** How many model answers to remember, keyed by the normalised text. Default 500. */
  cacheSize?: number;
  /** [low, high): rules confidences in this range go to the model. Default [0.5, 0.75]. */
  uncertainBand?: [number, number];
}

export interface IntentRecognizer {
  recognize(text: string): Promise<IntentResult>;
}

export const DEFAULT_UNCERTAIN_BAND: [number, number] = [0.5, 0.75];

/**
 * Rules first; the LLM only for the uncertain band and only when configured.
 * On a model timeout, error or invalid answer the rules' result stands.
 */
export function createIntentRecognizer(options: IntentRecognizerOptions = {}): IntentRecognizer {
  const [low, high] = options.uncertainBand ?? DEFAULT_UNCERTAIN_BAND;
  // The model client (and the openai package) is loaded on first use, only when a key is configured.
  const llm = options.llm;
  let classifier: Promise<(text: string) => Promise<IntentResult | null>> | undefined;
  const classify = llm
    ? async (text: string) => {
        classifier ??= import("./llm-fallback.ts").then((m) =>
          m.createLlmIntentClassifier(llm, { client: options.client, onFailure: options.onFailure }),
        );
        return (await classifier)(text);
      }
    : undefined;
  const cache = new LruCache<string, IntentResult>(options.cacheSize ?? 500);
  // The first run compiles the rules' regexes (tens of ms); pay that now, not on the first chat message.
  recognizeByRules("quick status update for the client, it's fixed");

  return {
    async recognize(text: string): Promise<IntentResult> {
      if (!classify || !mightAskForUpdate(text)) return recognizeByRules(text);
      const normalized = normalizeMessage(text);
      const byRules = recognizeNormalized(normalized);
      if (byRules.confidence < low || byRules.confidence >= high) return byRules;
      const cached = cache.get(normalized.key);
      if (cached) return cached;
      const byModel = await classify(text);
      if (!byModel) return byRules;
      cache.set(normalized.key, byModel);
      return byModel;
    },
  };
}
