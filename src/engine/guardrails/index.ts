import { MARKER_PATTERN, redactSecretsSync } from "../../secrets/index.ts";
import { withoutSecretClauses } from "../context/secret-markers.ts";
import type { Audience } from "../types.ts";
import {
  findClientViolations,
  findSecretViolations,
  makeClientSafe,
  type Violation,
} from "./client-safety.ts";

export {
  findClientViolations,
  findPlainTerms,
  makeClientSafe,
  type PlainTerm,
  type Violation,
} from "./client-safety.ts";
export { GLOSSARY, type GlossaryEntry } from "./glossary.ts";
export { looksLikeInstruction } from "./injection.ts";

const isClientAudience = (audience: Audience) => audience !== "ticket_notes";

/**
 * Violations in a generated text: anything that looks like a secret for
 * every audience; for client audiences also secret markers and everything
 * technical.
 */
export function checkOutput(text: string, audience: Audience): Violation[] {
  return isClientAudience(audience) ? findClientViolations(text) : findSecretViolations(text);
}

/**
 * The last step for every generated text, whatever wrote it: secrets become
 * markers; for client audiences clauses with a marker are left out and each
 * line that still carries something technical is rewritten. Returns the final
 * text and what had to be repaired.
 */
export function enforceGuardrails(text: string, audience: Audience): { text: string; repaired: Violation[] } {
  const repaired = checkOutput(text, audience);
  if (repaired.length === 0) return { text, repaired };
  let out = redactSecretsSync(text).text;
  if (isClientAudience(audience)) {
    out = out
      .split("\n")
      .map((line) => (findClientViolations(line).length > 0 ? safeLine(line) : line))
      .join("\n");
  }
  return { text: out, repaired };
}

function safeLine(line: string): string {
  if (line.startsWith("Subject:")) return `Subject: ${makeClientSafe(line.slice("Subject:".length))}`;
  MARKER_PATTERN.lastIndex = 0;
  const sentences = line
    .split(/(?<=[.!?])\s+/)
    .map((s) => (MARKER_PATTERN.test(s) ? withoutSecretClauses(s) : s));
  return makeClientSafe(sentences.filter(Boolean).join(" "));
}
