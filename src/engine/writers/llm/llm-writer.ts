import OpenAI from "openai";
import { writeOffline } from "../offline/index.ts";
import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { findOutputProblems } from "./output-checks.ts";
import { buildPrompt } from "./prompt.ts";

export interface LlmWriterOptions {
  client: OpenAI;
  model: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** Receives a one-line reason whenever the offline text is used instead. */
  onFallback?: (reason: string) => void;
}

type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/**
 * Writes updates with an OpenAI-compatible model. The answer must pass the
 * same guardrails as the offline writer; one repair request names the
 * problems, and if the model still fails (or is down, slow, rate-limited,
 * or answers nonsense) the offline writer's text is used, marked as such.
 */
export function createLlmWriter(options: LlmWriterOptions): UpdateWriter {
  const { client, model } = options;

  async function complete(messages: ChatMessage[]): Promise<string> {
    const response = await client.chat.completions.create({
      model,
      messages,
      temperature: options.temperature ?? 0.3,
      max_tokens: options.maxOutputTokens ?? 900,
    });
    const content = response.choices?.[0]?.message?.content;
    if (typeof content !== "string" || !content.trim())
      throw new InvalidAnswerError("the model returned no text");
    return content.trim();
  }

  function fallback(input: WriterInput, reason: string): WriterOutput {
    options.onFallback?.(reason);
    return { content: writeOffline(input), writer: "offline", fallbackReason: reason };
  }

  return {
    name: "llm",
    async write(input: WriterInput): Promise<WriterOutput> {
      const prompt = buildPrompt(input);
      const messages: ChatMessage[] = [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ];
      let answer: string;
      try {
        answer = await complete(messages);
        const problems = findOutputProblems(answer, input);
        if (problems.length === 0) return { content: answer, writer: "llm" };
        const repaired = await complete([
          ...messages,
          { role: "assistant", content: answer },
          {
            role: "user",
            content: `Your answer has problems:\n${problems.map((p) => `- ${p}`).join("\n")}\nRewrite it fixing every problem. Output only the corrected text.`,
          },
        ]);
        const remaining = findOutputProblems(repaired, input);
        if (remaining.length === 0) return { content: repaired, writer: "llm" };
        return fallback(input, "AI text failed the content checks twice; used the standard writer instead");
      } catch (err) {
        return fallback(input, describeLlmFailure(err));
      }
    },
  };
}

class InvalidAnswerError extends Error {}

/** A short, secret-free note for the engineer on why the AI text was not used. */
export function describeLlmFailure(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError)
    return "AI writer timed out; used the standard writer instead";
  if (err instanceof OpenAI.RateLimitError)
    return "AI writer is rate-limited (429); used the standard writer instead";
  if (err instanceof OpenAI.APIError && typeof err.status === "number") {
    return `AI writer unavailable (HTTP ${err.status}); used the standard writer instead`;
  }
  if (err instanceof OpenAI.APIConnectionError)
    return "AI writer unreachable; used the standard writer instead";
  if (err instanceof InvalidAnswerError)
    return `AI writer gave an invalid answer (${err.message}); used the standard writer instead`;
  return "AI writer failed; used the standard writer instead";
}
