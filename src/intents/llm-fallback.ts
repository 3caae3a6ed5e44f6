import type OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../domain/enums.ts";
import { createLlmClient } from "../llm/client.ts";
import type { LlmSettings } from "../llm/settings.ts";
import { redactSecretsSync } from "../secrets/index.ts";
import type { IntentResult } from "./types.ts";

/** The model's answer, validated before use; anything else is treated as a failure. */
export const llmIntentAnswerSchema = z.object({
  intent: z.enum(["status_update", "none"]),
  audience: z.enum(AUDIENCES).nullable(),
  length: z.enum(LENGTHS).nullable(),
  context: z.enum(UPDATE_CONTEXTS).nullable(),
  confidence: z.number().min(0).max(1),
});
export type LlmIntentAnswer = z.infer<typeof llmIntentAnswerSchema>;

const SYSTEM_PROMPT = `You classify one chat message an MSP engineer wrote in a troubleshooting thread.
Decide whether the engineer is asking the assistant, now, to write a status update about the current session.
intent "status_update": a request such as "quick update for the client", "what should I tell the client", "ticket note", "email the customer where we are".
intent "none": everything else, including messages that only mention updates, clients, tickets, emails or progress:
- technical uses: "Windows Update is stuck", "update the DNS record", "progress bar frozen", "email drafts not syncing";
- negations or deferrals: "don't update the client yet", "no need for a ticket note", "hold off until we confirm";
- reported speech or the past: "the client asked for an update", "their ticket notes say...", "did you update the ticket?", "I sent the client an update".
A false trigger is worse than a miss: when unsure, answer "none".
Slots, only when the message states them, else null (never guess):
- audience: "ticket_notes" (ticket, notes, PSA, internal note, documentation, handoff note), "client_update" (client, customer, end user, company name, "tell them", portal), "email_draft" (email, mail draft);
- length: "quick" (quick, short, brief, one-liner, tl;dr) or "detailed" (detailed, full, thorough, breakdown, everything we've tried);
- context: "resolution" (fixed, resolved, working now, closing), "escalation" (escalate, handoff, tier 2/3, specialist), or null for an ordinary update.
Earlier messages of the thread, when given, only help to read the message (who "them" is, what "it" refers to); classify the last message alone.
For intent "none" all slots are null. confidence is your probability that the intent you give is right.`;

const RESPONSE_FORMAT = zodResponseFormat(llmIntentAnswerSchema, "status_update_intent");

export interface LlmIntentClassifierOptions {
  /** An SDK client to use instead of one built from the settings (tests, shared clients). */
  client?: OpenAI;
  /** Called with a one-line reason whenever the model's answer could not be used. */
  onFailure?: (reason: string) => void;
}

/** Asks the model; resolves to null (never throws) on timeout, HTTP error or an invalid answer. */
export type LlmIntentClassifier = (text: string, recent?: readonly string[]) => Promise<IntentResult | null>;

/** Earlier messages are context only; each is cut so a pasted log cannot crowd out the message itself. */
const MAX_RECENT_CHARS = 400;

function userPrompt(text: string, recent: readonly string[]): string {
  const earlier = recent
    .map((m) => redactSecretsSync(m.length > MAX_RECENT_CHARS ? `${m.slice(0, MAX_RECENT_CHARS)}…` : m).text)
    .map((m) => `- ${m.replace(/\s+/g, " ")}`);
  const thread = earlier.length
    ? `Earlier messages in the thread (context only, oldest first):\n"""\n${earlier.join("\n")}\n"""\n\n`
    : "";
  return `${thread}Message to classify:\n"""\n${redactSecretsSync(text).text}\n"""`;
}

/**
 * Builds the LLM fallback: one chat completion with a JSON-schema answer,
 * validated with zod, no retries, the settings' time limit.
 */
export function createLlmIntentClassifier(
  settings: LlmSettings,
  options: LlmIntentClassifierOptions = {},
): LlmIntentClassifier {
  const client = options.client ?? createLlmClient(settings, { maxRetries: 0 });
  return async (text, recent = []) => {
    let content: string | null | undefined;
    try {
      const response = await client.chat.completions.create(
        {
          model: settings.model,
          temperature: 0,
          max_tokens: 120,
          response_format: RESPONSE_FORMAT,
          messages: [
            { role: "system", content: SYSTEM_PROMPT },
            { role: "user", content: userPrompt(text, recent) },
          ],
        },
        { timeout: settings.timeoutMs, maxRetries: 0 },
      );
      content = response.choices?.[0]?.message?.content;
    } catch (err) {
      options.onFailure?.(describeError(err));
      return null;
    }
    const answer = parseAnswer(content);
    if (!answer) {
      options.onFailure?.("the model's answer was not the expected JSON");
      return null;
    }
    return toIntentResult(answer);
  };
}

function parseAnswer(content: string | null | undefined): LlmIntentAnswer | null {
  if (typeof content !== "string") return null;
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return null;
  }
  const parsed = llmIntentAnswerSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function toIntentResult(answer: LlmIntentAnswer): IntentResult {
  const isRequest = answer.intent === "status_update";
  return {
    intent: answer.intent,
    audience: isRequest ? answer.audience : null,
    length: isRequest ? answer.length : null,
    // An ordinary update is null in our results.
    context: isRequest && answer.context !== "update" ? answer.context : null,
    confidence: Math.round(answer.confidence * 100) / 100,
    source: "llm",
  };
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const status = (err as { status?: number }).status;
    return status ? `model request failed with HTTP ${status}` : `model request failed: ${err.name}`;
  }
  return "model request failed";
}
