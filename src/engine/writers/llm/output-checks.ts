import { isClientFacing, letterFor } from "../../../domain/index.ts";
import { hasSecretMarker } from "../../../secrets/index.ts";
import { splitSentences } from "../../context/sentences.ts";
import { checkOutput, type Violation } from "../../guardrails/index.ts";
import type { SentenceSources, WriterInput } from "../types.ts";
import { findAccountProblems } from "./account-checks.ts";

const KIND_LABEL: Record<Violation["kind"], string> = {
  secret: "a secret or credential",
  ip: "IP addresses",
  hostname: "server, host or account names",
  email: "email addresses",
  path: "file paths",
  url: "web addresses",
  error_code: "error codes",
  tool: "internal tool or product names",
  jargon: "technical jargon",
};

/** Most matches quoted per kind in a repair request. */
const MAX_QUOTED = 6;

/**
 * Everything wrong with the model's text (the part it wrote, before the
 * frame is added), as sentences a repair request can quote: guardrail
 * violations grouped by kind (secret values are never quoted), what the
 * audience and length require, and sentences the session account
 * contradicts or their cited sources do not support.
 */
export function findOutputProblems(
  body: string,
  input: WriterInput,
  sentences: readonly SentenceSources[] = [],
): string[] {
  const text = body.trim();
  if (!text) return ["The answer was empty."];
  const problems: string[] = [];
  const byKind = new Map<Violation["kind"], Set<string>>();
  const verbatim = [input.facts.ticketId, input.facts.clientName].filter((v): v is string => Boolean(v));
  for (const v of checkOutput(text, input.audience, verbatim)) {
    const matches = byKind.get(v.kind) ?? new Set<string>();
    matches.add(v.match);
    byKind.set(v.kind, matches);
  }
  for (const [kind, matches] of byKind) {
    if (kind === "secret") {
      problems.push("It contains a secret or credential; remove it entirely and do not mention credentials.");
      continue;
    }
    const quoted = [...matches]
      .slice(0, MAX_QUOTED)
      .map((m) => `"${m}"`)
      .join(", ");
    problems.push(
      `It contains ${KIND_LABEL[kind]} (${quoted}), which must not appear in client-facing text; say it in plain language or leave it out.`,
    );
  }
  if (/<\/?\s*session_data\s*>|Facts extracted by FlowPilot/i.test(text)) {
    problems.push("It quotes the prompt's data markers; write the update itself only.");
  }
  const isClient = isClientFacing(input.audience);
  if (isClient && hasSecretMarker(text)) {
    problems.push("It contains a marker such as [password removed]; leave out anything that was removed.");
  }
  if (input.length === "quick") {
    const sentences = splitSentences(text).length;
    if (sentences > 3) problems.push(`A quick update must be 1-2 sentences; this one has ${sentences}.`);
  } else if (isClient) {
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim()).length;
    if (paragraphs > 5) problems.push(`Use at most 5 short paragraphs; this one has ${paragraphs}.`);
  }
  // A quick client text without a letter addresses the client by name itself.
  if (isClient && input.length === "quick" && !letterFor(input.audience, "quick") && input.facts.clientName) {
    if (!text.includes(input.facts.clientName))
      problems.push(`Address the client by name: ${input.facts.clientName}.`);
  }
  // A resolution the engineer asks for says it is fixed, whatever stage the thread reads as.
  const claims = input.context !== "resolution";
  problems.push(...findAccountProblems(sentences, input.account, input.session.messages, { claims }));
  return problems;
}
