import type {
  IntentRecognizer,
  IntentResult,
  ThreadContext,
  TurnContext,
  TurnRecognizer,
} from "../domain/index.ts";
import type { LlmSettings } from "../llm/settings.ts";
import { type OfflineReading, readOffline, recognizeOffline } from "./classify.ts";
import { additionAsTyped } from "./follow-up.ts";
import type { LlmIntentClassifierOptions } from "./llm-fallback.ts";
import { LruCache } from "./lru-cache.ts";
import { normalizeMessage } from "./normalize.ts";
import { ASK_FLOOR, offlineTurn, type Turn, type UpdateOnScreen } from "./turn.ts";

export interface IntentRecognizerOptions extends Pick<LlmIntentClassifierOptions, "client" | "onFailure"> {
  /** When given, the LLM is asked about messages whose calibrated confidence falls in `uncertainBand`. */
  llm?: LlmSettings;
  /** How many model answers to remember, keyed by the normalised text. Default 500. */
  cacheSize?: number;
  /**
   * [low, high): messages whose calibrated probability of asking for an update falls here go to
   * the LLM (without one, the lower part gets a clarifying question). Default [0.35, 0.75).
   */
  uncertainBand?: [number, number];
}

export type { IntentRecognizer, ThreadContext, TurnContext, TurnRecognizer };

export const DEFAULT_UNCERTAIN_BAND: [number, number] = [ASK_FLOOR, 0.75];

/**
 * Rules and the trained model first; the LLM only for the uncertain band of
 * the calibrated probability and for messages in another language, and only
 * when configured, with the thread's last messages for context. On an LLM
 * timeout, error or invalid answer the offline answer stands. Without an LLM,
 * the lower part of the band gets a clarifying question instead of silence.
 */
export function createIntentRecognizer(options: IntentRecognizerOptions = {}): TurnRecognizer {
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

  const needsLlm = (reading: OfflineReading) => !reading.english || (reading.p >= low && reading.p < high);

  async function askLlm(text: string, thread: ThreadContext): Promise<IntentResult | null> {
    const recent = thread.recent ? await thread.recent().catch(() => []) : [];
    const key = `${normalizeMessage(text).key}\u0000${recent.join("\u0000")}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const byLlm = await classify!(text, recent);
    if (byLlm) cache.set(key, byLlm);
    return byLlm;
  }

  /** The update on screen, looked up only for a message that reads as an edit of one. */
  async function updateOnScreen(
    reading: OfflineReading,
    thread: TurnContext,
  ): Promise<UpdateOnScreen | null> {
    if (!reading.edit || !thread.onScreen) return null;
    return typeof thread.onScreen === "function" ? thread.onScreen() : thread.onScreen;
  }

  /** A follow-up's addition in the engineer's words, as it goes into the session. */
  function asTyped(turn: Turn, text: string): Turn {
    if (turn.kind !== "follow_up" || !turn.change.addition) return turn;
    return { ...turn, change: { ...turn.change, addition: additionAsTyped(text, turn.change.addition) } };
  }

  async function recognizeTurn(text: string, thread: TurnContext = {}): Promise<Turn> {
    const reading = readOffline(text);
    const onScreen = await updateOnScreen(reading, thread);
    if (!classify || !needsLlm(reading)) return asTyped(offlineTurn(reading, onScreen), text);
    const byLlm = await askLlm(text, thread);
    if (!byLlm)
      return reading.english
        ? asTyped(offlineTurn(reading, onScreen), text)
        : { kind: "none", result: reading.result };
    if (byLlm.intent !== "status_update") return { kind: "none", result: byLlm };
    const turn = offlineTurn({ ...reading, result: byLlm }, onScreen);
    return turn.kind === "follow_up" ? asTyped(turn, text) : { kind: "request", result: byLlm };
  }

  return {
    recognizeTurn,
    async recognize(text: string, thread: ThreadContext = {}): Promise<IntentResult> {
      return (await recognizeTurn(text, thread)).result;
    },
  };
}
