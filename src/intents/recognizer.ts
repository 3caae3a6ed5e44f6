import type { IntentRecognizer, IntentResult, ThreadContext } from "../domain/index.ts";
import type { LlmSettings } from "../llm/settings.ts";
import { recognizeNormalized, recognizeOffline } from "./classify.ts";
import type { LlmIntentClassifierOptions } from "./llm-fallback.ts";
import { LruCache } from "./lru-cache.ts";
import { normalizeMessage } from "./normalize.ts";
import { mightAskForUpdate } from "./prefilter.ts";

export interface IntentRecognizerOptions extends Pick<LlmIntentClassifierOptions, "client" | "onFailure"> {
  /** When given, the LLM is asked about messages whose calibrated confidence falls in `uncertainBand`. */
  llm?: LlmSettings;
  /** How many model answers to remember, keyed by the normalised text. Default 500. */
  cacheSize?: number;
  /** [low, high): calibrated confidences in this range go to the LLM. Default [0.5, 0.75). */
  uncertainBand?: [number, number];
}

export type { IntentRecognizer, ThreadContext };

export const DEFAULT_UNCERTAIN_BAND: [number, number] = [0.5, 0.75];

/**
 * Rules and the trained model first; the LLM only for the uncertain band of
 * the calibrated confidence, and only when configured, with the thread's
 * last messages for context. On an LLM timeout, error or invalid answer the
 * model's result stands.
 */
export function createIntentRecognizer(options: IntentRecognizerOptions = {}): IntentRecognizer {
  const [low, high] = options.uncertainBand ?? DEFAULT_UNCERTAIN_BAND;
  // The model client (and the openai package) is loaded on first use, only when a key is configured.
  const llm = options.llm;
  let classifier:
    | Promise<(text: string, recent: readonly string[]) => Promise<IntentResult | null>>
    | undefined;
  const classify = llm
    ? async (text: string, recent: readonly string[]) => {
        classifier ??= import("./llm-fallback.ts").then((m) =>
          m.createLlmIntentClassifier(llm, { client: options.client, onFailure: options.onFailure }),
        );
        return (await classifier)(text, recent);
      }
    : undefined;
  const cache = new LruCache<string, IntentResult>(options.cacheSize ?? 500);
  // The first run compiles the rules' regexes (tens of ms); pay that now, not on the first chat message.
  recognizeOffline("quick status update for the client, it's fixed");

  return {
    async recognize(text: string, thread: ThreadContext = {}): Promise<IntentResult> {
      if (!classify || !mightAskForUpdate(text)) return recognizeOffline(text);
      const normalized = normalizeMessage(text);
      const offline = recognizeNormalized(normalized);
      if (offline.confidence < low || offline.confidence >= high) return offline;
      const recent = thread.recent ? await thread.recent().catch(() => []) : [];
      const key = `${normalized.key}\u0000${recent.join("\u0000")}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const byLlm = await classify(text, recent);
      if (!byLlm) return offline;
      cache.set(key, byLlm);
      return byLlm;
    },
  };
}
