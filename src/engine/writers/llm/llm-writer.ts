import OpenAI from "openai";
import { redactSecretsSync } from "../../../secrets/index.ts";
import { writeOffline } from "../offline/index.ts";
import type { UpdateWriter, WriterInput, WriterOutput } from "../types.ts";
import { type AnswerMode, SENTENCES_FORMAT } from "./answer-format.ts";
import { describeLlmFailure, InvalidAnswerError } from "./failure.ts";
import { composeWithFrame, frameFor } from "./frame.ts";
import { findOutputProblems } from "./output-checks.ts";
import { buildPrompt, PROMPT_TOKEN_BUDGET } from "./prompt.ts";
import { type ReadAnswer, readAnswer } from "./read-answer.ts";

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
  /**
   * Whether to ask for JSON under a schema (`response_format: json_schema`).
   * "auto" (default) asks, and if the endpoint rejects it (HTTP 400/422, as
   * older Ollama, vLLM or LM Studio builds may) asks again for plain text with
   * id markers and stops asking once that works. An endpoint that ignores the
   * schema is read by the tolerant parser either way.
   */
  structuredOutput?: "auto" | "off";
  /** Receives a one-line reason whenever the offline text is used instead. */
  onFallback?: (reason: string) => void;
}

type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/**
 * Writes updates with an OpenAI-compatible model. The model cites, for each
 * sentence, the messages it rests on; the answer must pass the same
 * guardrails as the offline writer and agree with the session account. One
 * repair request names the problems, and if the model still fails (or is
 * down, slow, rate-limited, or answers nonsense) the offline writer's text is
 * used, marked as such. At most two requests per update (three, once, while
 * learning that the endpoint has no structured output), never retried by the
 * SDK: the engineer is waiting and always gets an update.
 */
export function createLlmWriter(options: LlmWriterOptions): UpdateWriter {
  const { client, model } = options;
  let schemaRejected = options.structuredOutput === "off";

  async function complete(messages: ChatMessage[], mode: AnswerMode): Promise<string> {
    const response = await client.chat.completions.create(
      {
        model,
        messages,
        temperature: options.temperature ?? 0.3,
        // JSON costs about 15 tokens per sentence on top of the text.
        max_tokens: options.maxOutputTokens ?? (mode === "json" ? 1_500 : 900),
        ...(mode === "json" ? { response_format: SENTENCES_FORMAT } : {}),
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

  /** The first answer, in JSON when the endpoint takes a schema, else in marked plain text. */
  async function firstAnswer(
    input: WriterInput,
  ): Promise<{ messages: ChatMessage[]; mode: AnswerMode; raw: string }> {
    const budget = options.promptTokenBudget ?? PROMPT_TOKEN_BUDGET;
    const ask = async (mode: AnswerMode) => {
      const prompt = buildPrompt(input, budget, mode);
      const messages: ChatMessage[] = [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ];
      return { messages, mode, raw: await complete(messages, mode) };
    };
    if (schemaRejected) return ask("markers");
    try {
      return await ask("json");
    } catch (err) {
      if (!rejectsSchema(err)) throw err;
      const plain = await ask("markers");
      schemaRejected = true;
      return plain;
    }
  }

  const accepted = (answer: ReadAnswer, frame: ReturnType<typeof frameFor>): WriterOutput => ({
    content: composeWithFrame(answer.body, frame),
    writer: "llm",
    sources: answer.sources,
  });

  return {
    name: "llm",
    async write(input: WriterInput): Promise<WriterOutput> {
      const frame = frameFor(input);
      try {
        const { messages, mode, raw } = await firstAnswer(input);
        const first = readAnswer(raw, input, frame);
        const problems = findOutputProblems(first.body, input, first.sentences);
        if (problems.length === 0) return accepted(first, frame);
        const repaired = await complete(
          [
            ...messages,
            // The model's own text goes back redacted: no secret ever reaches a request.
            { role: "assistant", content: redactSecretsSync(raw).text },
            { role: "user", content: repairRequest(problems) },
          ],
          mode,
        );
        const second = readAnswer(repaired, input, frame);
        if (findOutputProblems(second.body, input, second.sentences).length === 0)
          return accepted(second, frame);
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

/** The endpoint refused the request's parameters: most likely it does not know `response_format: json_schema`. */
const rejectsSchema = (err: unknown) =>
  err instanceof OpenAI.BadRequestError || err instanceof OpenAI.UnprocessableEntityError;

function repairRequest(problems: readonly string[]): string {
  return [
    "Your answer cannot be used as it is:",
    ...problems.map((p) => `- ${p}`),
    "Rewrite it fixing every problem, keeping everything else, in the same form as before (sentences with their source ids). Output only the corrected answer.",
  ].join("\n");
}

export { describeLlmFailure } from "./failure.ts";
