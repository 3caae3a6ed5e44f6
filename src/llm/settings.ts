/**
 * How to reach an OpenAI-compatible chat model. Present only when an API key
 * is configured; without it every LLM-backed feature falls back to rules or
 * the offline writer.
 */
export interface LlmSettings {
  apiKey: string;
  /** An OpenAI-compatible endpoint, e.g. `http://127.0.0.1:8080/v1`; the SDK default when absent. */
  baseURL?: string;
  model: string;
  /** Per-request time limit in milliseconds. */
  timeoutMs: number;
}

/** Intent classification must answer while the engineer waits: a short limit, whatever the writer uses. */
export const INTENT_TIMEOUT_MS = 1_500;

/**
 * The model settings for intent recognition: the configured ones with the
 * intent time limit. Without a key the rules decide alone.
 */
export function intentLlmSettings(llm: LlmSettings | undefined): LlmSettings | undefined {
  return llm ? { ...llm, timeoutMs: Math.min(llm.timeoutMs, INTENT_TIMEOUT_MS) } : undefined;
}
