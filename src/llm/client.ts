import OpenAI from "openai";
import type { LlmSettings } from "./settings.ts";

/**
 * An OpenAI SDK client for the given settings. Retries default to 0: callers
 * on a chat path have their own fallback and must not wait out back-offs.
 */
export function createLlmClient(settings: LlmSettings, opts: { maxRetries?: number } = {}): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: opts.maxRetries ?? 0,
  });
}
