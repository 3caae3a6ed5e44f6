import { AUDIENCE_TRAITS } from "../../../domain/index.ts";
import { messageId } from "../../account/index.ts";
import type { WriterInput } from "../types.ts";
import { fitAccount } from "./account-data.ts";
import { type AnswerMode, sourcesGuidance } from "./answer-format.ts";
import { fitFacts } from "./fact-budget.ts";
import { frameFor } from "./frame.ts";
import { factsData, messageLine } from "./prompt-data.ts";
import {
  AUDIENCE_GUIDANCE,
  CONTEXT_GUIDANCE,
  clientFrameGuidance,
  DATA_SAFETY,
  lengthGuidance,
  NOTES_FORMAT_GUIDANCE,
  sinceLastGuidance,
} from "./prompt-guidance.ts";
import { countTokens } from "./tokens.ts";

/** Upper bound for the whole prompt (system + user + chat framing), counted with a real tokenizer. */
export const PROMPT_TOKEN_BUDGET = 6_000;
/** Tokens kept for recent messages when the facts alone would fill the budget (at most 30% of the room). */
const RECENT_RESERVE = 1_500;
/** The account's share of the room at most; it is cut (most important items kept) to fit. */
const ACCOUNT_SHARE = 0.3;
/** Chat framing: about 3 tokens per message plus 3 to prime the reply (OpenAI's counting guide). */
const CHAT_OVERHEAD = 9;

export interface BuiltPrompt {
  system: string;
  user: string;
  /** Prompt tokens (o200k_base) including the chat framing; never above the budget. */
  tokens: number;
  /** How many of the session's newest messages are quoted verbatim. */
  recentMessages: number;
  /** How many fact-list items were dropped to fit the budget. */
  droppedFacts: number;
}

/**
 * Builds the chat prompt for one update: guidance for audience, length,
 * context, tone/format, "since last update" and how to cite sources in the
 * system message; the session as delimited data in the user message (facts
 * first, trimmed to fit, then the session account with message ids, then as
 * many of the newest messages verbatim, labelled with the same ids, as the
 * budget allows). Every session text is redacted of secrets before it is placed here.
 */
export function buildPrompt(
  input: WriterInput,
  budget = PROMPT_TOKEN_BUDGET,
  mode: AnswerMode = "json",
): BuiltPrompt {
  const system = systemPrompt(input, mode);
  const instruction = finalInstruction(input);
  const opening = "<session_data>\nFacts extracted by FlowPilot (secrets already removed):\n";
  const closing = `\n</session_data>\n\n${instruction}`;
  const available =
    budget - CHAT_OVERHEAD - countTokens(system) - countTokens(opening) - countTokens(closing) - 60;

  const candidates = newestMessageLines(input, available);
  const candidateTokens = candidates.reduce((sum, c) => sum + c.tokens, 0);
  const reserve = Math.min(RECENT_RESERVE, candidateTokens, Math.floor(available * 0.3));
  const account = accountBlock(input, Math.floor(available * ACCOUNT_SHARE));
  const facts = fitFacts(factsData(input.facts), available - reserve - account.tokens);

  let room = available - facts.tokens - account.tokens;
  const picked: string[] = [];
  for (const c of candidates) {
    if (c.tokens > room) break;
    picked.push(c.line);
    room -= c.tokens;
  }
  picked.reverse();
  const render = () =>
    `${opening}${facts.text}${account.text}${recentBlock(picked, input.session.messages.length)}${closing}`;
  let user = render();
  let tokens = CHAT_OVERHEAD + countTokens(system) + countTokens(user);
  // Token counts of parts are not exactly additive; the whole is what counts.
  while (tokens > budget && picked.length > 0) {
    picked.shift();
    user = render();
    tokens = CHAT_OVERHEAD + countTokens(system) + countTokens(user);
  }
  return { system, user, tokens, recentMessages: picked.length, droppedFacts: facts.droppedItems };
}

function accountBlock(input: WriterInput, maxTokens: number): { text: string; tokens: number } {
  const heading =
    "\n\nSession account (what happened, read from the messages; [m3] = rests on message m3):\n";
  const headingTokens = countTokens(heading);
  const fitted = fitAccount(input.account, maxTokens - headingTokens);
  return { text: `${heading}${fitted.text}`, tokens: fitted.tokens + headingTokens + 1 };
}

function recentBlock(lines: readonly string[], total: number): string {
  if (lines.length === 0) return "";
  const heading =
    lines.length === total
      ? "All session messages (verbatim, oldest first):"
      : `The ${lines.length} most recent of ${total} messages (verbatim, oldest first; earlier ones are summarised in the facts above):`;
  return `\n\n${heading}\n${lines.join("\n")}`;
}

/** The system message: audience, length, context, tone or format, since-last-update, sources, data safety. */
function systemPrompt(input: WriterInput, mode: AnswerMode): string {
  const { audience, templates } = input;
  const parts = [
    AUDIENCE_GUIDANCE[audience],
    lengthGuidance(audience, input.length),
    CONTEXT_GUIDANCE[input.context],
  ];
  parts.push(
    AUDIENCE_TRAITS[audience].format === "notes"
      ? NOTES_FORMAT_GUIDANCE[templates.ticket_notes_format]
      : clientFrameGuidance(templates.client_tone, frameFor(input)),
  );
  const since = sinceLastGuidance(input.facts.sinceLast);
  if (since) parts.push(since);
  parts.push(sourcesGuidance(mode), DATA_SAFETY);
  return parts.join("\n\n");
}

function finalInstruction(input: WriterInput): string {
  return AUDIENCE_TRAITS[input.audience].guidance.instruction;
}

/** The newest messages, newest first, with their token cost, until `maxTokens` would be exceeded. */
function newestMessageLines(input: WriterInput, maxTokens: number): { line: string; tokens: number }[] {
  const { messages } = input.session;
  const first = messages[0]?.at.getTime() ?? 0;
  const withDate = (messages.at(-1)?.at.getTime() ?? 0) - first > 20 * 3_600_000;
  const out: { line: string; tokens: number }[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0 && used < maxTokens; i--) {
    const line = messageLine(messages[i]!, messageId(i), withDate);
    const tokens = countTokens(line) + 1;
    out.push({ line, tokens });
    used += tokens;
  }
  return out;
}
