import { splitSentences } from "../../context/sentences.ts";
import { checkOutput } from "../../guardrails/index.ts";
import type { WriterInput } from "../types.ts";

/**
 * Everything wrong with a model's answer, as sentences a repair request can
 * quote: guardrail violations (secrets, jargon, hosts, addresses...) plus the
 * structure the audience needs (subject line, greeting, length).
 */
export function findOutputProblems(text: string, input: WriterInput): string[] {
  const problems: string[] = [];
  const trimmed = text.trim();
  if (!trimmed) return ["The answer was empty."];
  for (const v of checkOutput(trimmed, input.audience, { secrets: input.facts.secrets })) {
    problems.push(
      v.kind === "secret"
        ? "It contains a secret or credential; remove it entirely."
        : `It contains ${v.kind.replace("_", " ")} "${v.match}", which must not appear in client-facing text; say it in plain language or leave it out.`,
    );
  }
  if (input.audience === "email_draft") {
    const first = trimmed.split("\n", 1)[0] ?? "";
    if (!/^Subject:\s*\S/.test(first))
      problems.push("The first line must be the subject line, starting with 'Subject:'.");
    if (input.facts.ticketId && !first.includes(input.facts.ticketId)) {
      problems.push(`The subject line must include the ticket number ${input.facts.ticketId}.`);
    }
  }
  if (
    input.audience !== "ticket_notes" &&
    input.facts.clientName &&
    !trimmed.includes(input.facts.clientName)
  ) {
    problems.push(`Address the client by name: ${input.facts.clientName}.`);
  }
  if (input.length === "quick" && input.audience !== "email_draft") {
    const sentences = splitSentences(trimmed.replace(/^Subject:.*$/m, "")).length;
    if (sentences > 3) problems.push(`A quick update must be 1-2 sentences; this one has ${sentences}.`);
  }
  return problems;
}
