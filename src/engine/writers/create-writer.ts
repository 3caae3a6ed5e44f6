import { createLlmClient } from "../../llm/client.ts";
import type { LlmSettings } from "../../llm/settings.ts";
import { createLlmWriter, type LlmWriterOptions } from "./llm/llm-writer.ts";
import { offlineWriter } from "./offline/index.ts";
import type { UpdateWriter } from "./types.ts";

export type CreateWriterOptions = Partial<Omit<LlmWriterOptions, "model">>;

/**
 * The writer for the configured model: the LLM writer (falling back to the
 * offline text on any failure) when settings are given, else the offline
 * writer. The SDK never retries: a retry would keep the engineer waiting,
 * and the fallback answers at once.
 */
export function createWriter(llm?: LlmSettings, opts: CreateWriterOptions = {}): UpdateWriter {
  if (!llm) return offlineWriter;
  return createLlmWriter({
    timeoutMs: llm.timeoutMs,
    ...opts,
    client: opts.client ?? createLlmClient(llm, { maxRetries: 0 }),
    model: llm.model,
  });
}
