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
