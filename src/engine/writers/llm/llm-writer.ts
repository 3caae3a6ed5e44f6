import type OpenAI from "openai";
import { redactSecretsSync } from "../../../secrets/index.ts";
import { writeOffline } from "../offline/index.ts";
import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { describeLlmFailure, InvalidAnswerError } from "./failure.ts";
import { composeWithFrame, frameFor, normalizeAnswer } from "./frame.ts";
import { findOutputProblems } from "./output-checks.ts";
import { buildPrompt, PROMPT_TOKEN_BUDGET } from "./prompt.ts";

export interface LlmWriterOptions {
  /** An OpenAI SDK client (OpenAI, Azure OpenAI or any compatible server); see createLlmClient. */
  client: OpenAI;
  model: string;
  /** Per-request time limit in ms; the client's own when absent. */
  timeoutMs?: number;
  temperature?: number;
  maxOutputTokens?: number;
  /** Prompt size limit in tokens; default PROMPT_TOKEN_BUDGET. */
  promptTokenBudget?: number;
  /** Receives a one-line reason whenever the offline text is used instead. */
  onFallback?: (reason: string) => void;
}

type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/**
 * Writes updates with an OpenAI-compatible model. The answer must pass the
 * same guardrails as the offline writer; one repair request names the
 * problems, and if the model still fails (or is down, slow, rate-limited,
 * or answers nonsense) the offline writer's text is used, marked as such.
 * At most two requests per update, never retried by the SDK: the engineer
 * is waiting and always gets an update.
 */
export function createLlmWriter(options: LlmWriterOptions): UpdateWriter {
  const { client, model } = options;

  async function complete(messages: ChatMessage[]): Promise<string> {
    const response = await client.chat.completions.create(
      {
        model,
        messages,
        temperature: options.temperature ?? 0.3,
        max_tokens: options.maxOutputTokens ?? 900,
      },
      { maxRetries: 0, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
    );
    const choice = response?.choices?.[0];
    if (!choice?.message) throw new InvalidAnswerError("no completion in the response");
    if (choice.finish_reason === "length") throw new InvalidAnswerError("the text was cut off");
    if (choice.finish_reason === "content_filter")
      throw new InvalidAnswerError("blocked by a content filter");
    if (choice.message.refusal) throw new InvalidAnswerError("the model refused");
    const content = choice.message.content;
    if (typeof content !== "string" || !content.trim()) throw new InvalidAnswerError("no text");
    return content;
  }

  function fallback(input: WriterInput, reason: string): WriterOutput {
    options.onFallback?.(reason);
    return { content: writeOffline(input), writer: "offline", fallbackReason: reason };
  }

  return {
    name: "llm",
    async write(input: WriterInput): Promise<WriterOutput> {
      const frame = frameFor(input);
      const prompt = buildPrompt(input, options.promptTokenBudget ?? PROMPT_TOKEN_BUDGET);
      const messages: ChatMessage[] = [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ];
      try {
        const first = normalizeAnswer(await complete(messages), input, frame);
        const problems = findOutputProblems(first, input);
        if (problems.length === 0) return { content: composeWithFrame(first, frame), writer: "llm" };
        const second = normalizeAnswer(
          await complete([
            ...messages,
            // The model's own text goes back redacted: no secret ever reaches a request.
            { role: "assistant", content: redactSecretsSync(first).text },
            { role: "user", content: repairRequest(problems) },
          ]),
          input,
          frame,
        );
        if (findOutputProblems(second, input).length === 0) {
          return { content: composeWithFrame(second, frame), writer: "llm" };
        }
        return fallback(
          input,
          `AI text failed the content checks again after one repair; used the standard writer instead`,
        );
      } catch (err) {
        return fallback(input, describeLlmFailure(err));
      }
    },
  };
}

function repairRequest(problems: readonly string[]): string {
  return [
    "Your answer cannot be used as it is:",
    ...problems.map((p) => `- ${p}`),
    "Rewrite it fixing every problem, keeping everything else. Output only the corrected text.",
  ].join("\n");
}

export { describeLlmFailure } from "./failure.ts";
