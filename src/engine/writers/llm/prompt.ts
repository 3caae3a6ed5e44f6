import type { Fact, SessionFacts } from "../../context/session-facts.ts";
import { looksLikeInstruction, redactSecrets } from "../../guardrails/index.ts";
import { emailSubject } from "../offline/email-draft.ts";
import { clockTime, minutesLabel, STATUS_LABEL } from "../offline/format.ts";
import { signoff } from "../offline/signoff.ts";
import { TONES } from "../offline/tone.ts";
import type { WriterInput } from "../types.ts";
import {
  AUDIENCE_GUIDANCE,
  CONTEXT_GUIDANCE,
  DATA_SAFETY,
  LENGTH_GUIDANCE,
  templateGuidance,
} from "./prompt-guidance.ts";
import { countTokens } from "./tokens.ts";

/** Upper bound for the whole prompt (system + user), counted with a real tokenizer. */
export const PROMPT_TOKEN_BUDGET = 6_000;
const MAX_FACT_CHARS = 300;
const MAX_MESSAGE_CHARS = 600;

export interface BuiltPrompt {
  system: string;
  user: string;
  tokens: number;
  /** How many of the session's messages are quoted verbatim. */
  recentMessages: number;
}

/**
 * Builds the chat prompt for one update: guidance for audience, length,
 * context, tone and "since last update", then the session as delimited data
 * (facts first, then as many recent messages verbatim as the budget allows).
 * Every session text is redacted of secrets before it is placed here.
 */
export function buildPrompt(input: WriterInput, budget = PROMPT_TOKEN_BUDGET): BuiltPrompt {
  const system = systemPrompt(input);
  const facts = factsBlock(input.facts);
  const instructions = finalInstruction(input);
  const fixedTokens = countTokens(system) + countTokens(facts) + countTokens(instructions) + 40;
  const { lines, count } = recentMessageLines(input, Math.max(0, budget - fixedTokens));
  const recent = lines.length > 0 ? `\nRecent messages (verbatim, oldest first):\n${lines.join("\n")}` : "";
  const user = `<session_data>\n${facts}${recent}\n</session_data>\n\n${instructions}`;
  return { system, user, tokens: countTokens(system) + countTokens(user), recentMessages: count };
}

function systemPrompt(input: WriterInput): string {
  const parts = [
    AUDIENCE_GUIDANCE[input.audience],
    LENGTH_GUIDANCE[input.length],
    CONTEXT_GUIDANCE[input.context],
    templateGuidance(
      input.audience,
      input.templates,
      input.audience === "ticket_notes" ? "" : signoff(input.facts, input.templates, input.audience),
    ),
  ];
  const since = sinceLastGuidance(input.facts);
  if (since) parts.push(since);
  parts.push(DATA_SAFETY);
  return parts.join("\n\n");
}

function sinceLastGuidance(facts: SessionFacts): string | null {
  const since = facts.sinceLast;
  if (!since) return null;
  return [
    `Since last update: a ${since.previous.audience.replace("_", " ")} was already sent at ${clockTime(since.previous.generatedAt)} (status then: ${since.previous.sessionStatus}).`,
    "Say what changed since then (new findings, status change); do not repeat it word for word.",
    since.newFacts.length === 0 ? "Nothing new has happened since; say so briefly." : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function finalInstruction(input: WriterInput): string {
  const { audience, facts, templates } = input;
  if (audience === "ticket_notes") return "Write the ticket note now. Output only the note.";
  const greeting = TONES[templates.client_tone].greeting(facts.clientName);
  if (audience === "email_draft") {
    return `Write the email now. The first line must be exactly: ${emailSubject(facts, input.context)}\nThen greet with exactly: ${greeting}\nOutput only the email.`;
  }
  return `Write the client update now. Start with: ${greeting.replace(/,$/, "")}\nOutput only the update.`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const list = (facts: readonly Fact[]) => facts.map((f) => `- ${clip(f.text, MAX_FACT_CHARS)}`).join("\n");

function factsBlock(f: SessionFacts): string {
  const lines: string[] = [];
  if (f.ticketId || f.summary) lines.push(`Ticket: ${[f.ticketId, f.summary].filter(Boolean).join(" — ")}`);
  if (f.clientName)
    lines.push(`Client: ${f.clientName}${f.contactName ? ` (contact: ${f.contactName})` : ""}`);
  if (f.engineerName) lines.push(`Engineer: ${[f.engineerName, f.mspCompany].filter(Boolean).join(", ")}`);
  lines.push(
    `Inferred status: ${STATUS_LABEL[f.status]} · time spent: ${minutesLabel(f.timeSpentMinutes)} · messages: ${f.messageCount}`,
  );
  const section = (title: string, facts: readonly Fact[]) => {
    if (facts.length > 0) lines.push(`${title}:\n${list(facts)}`);
  };
  section("Reported issue", f.problem);
  section("Steps completed", f.steps);
  section("Ruled out", f.ruledOut);
  if (f.diagnosis) lines.push(`Current diagnosis: ${clip(f.diagnosis.text, MAX_FACT_CHARS * 2)}`);
  section("Fix work", f.fixWork);
  section("Verification", f.verified);
  section("Next steps", f.nextSteps.length > 0 ? f.nextSteps : f.suggestedChecks);
  section("Recommendations", f.recommendations);
  if (f.resolutionSummary)
    lines.push(`Resolution summary from the engineer (authoritative): ${f.resolutionSummary}`);
  if (f.escalationReason) lines.push(`Escalation reason: ${f.escalationReason}`);
  if (f.sinceLast) {
    lines.push(
      `Previous update (${clockTime(f.sinceLast.previous.generatedAt)}):\n${clip(f.sinceLast.previous.content, 1200)}`,
    );
    section("New since the previous update", f.sinceLast.newFacts.slice(-10));
  }
  return lines.join("\n");
}

/** The newest messages that fit the remaining budget, in time order, redacted. */
function recentMessageLines(input: WriterInput, budget: number): { lines: string[]; count: number } {
  const { messages } = input.session;
  const secrets = input.facts.secrets;
  const picked: string[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const body = looksLikeInstruction(m.text)
      ? "[message omitted: it contained instructions addressed to an AI]"
      : clip(redactSecrets(m.text, secrets), MAX_MESSAGE_CHARS).replace(/\s*\n\s*/g, " ");
    const line = `[${m.at.toISOString().slice(11, 16)} ${m.author}] ${body}`;
    const cost = countTokens(line) + 1;
    if (used + cost > budget) break;
    picked.push(line);
    used += cost;
  }
  return { lines: picked.reverse(), count: picked.length };
}
