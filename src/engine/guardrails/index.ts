import { isClientFacing } from "../../domain/index.ts";
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

/**
 * Violations in a generated text: anything that looks like a secret for
 * every audience; for client audiences also secret markers and everything
 * technical.
 */
export function checkOutput(text: string, audience: Audience, allowed: readonly string[] = []): Violation[] {
  const found = isClientFacing(audience) ? findClientViolations(text) : findSecretViolations(text);
  if (allowed.length === 0 || found.length === 0) return found;
  const spans = allowedSpans(text, allowed);
  return found.filter(
    (v) => v.kind === "secret" || !spans.some(([s, e]) => v.index >= s && v.index + v.match.length <= e),
  );
}

/** Where the allowed values (the ticket id, the client's name) occur, as [start, end) spans. */
function allowedSpans(text: string, allowed: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const value of allowed) {
    if (!value) continue;
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length)) {
      spans.push([i, i + value.length]);
    }
  }
  return spans;
}

/**
 * The last step for every generated text, whatever wrote it: secrets become
 * markers; for client audiences clauses with a marker are left out and each
 * line that still carries something technical is rewritten. Returns the final
 * text and what had to be repaired.
 */
export function enforceGuardrails(
  text: string,
  audience: Audience,
  allowed: readonly string[] = [],
): { text: string; repaired: Violation[] } {
  const repaired = checkOutput(text, audience, allowed);
  if (repaired.length === 0) return { text, repaired };
  let out = redactSecretsSync(text).text;
  if (isClientFacing(audience)) {
    out = out
      .split("\n")
      .map((line) =>
        checkOutput(line, audience, allowed).length > 0 ? withAllowedKept(line, allowed, safeLine) : line,
      )
      .join("\n");
  }
  return { text: out, repaired };
}

/** Rewrites a line with the allowed values set aside, so "Subject: … — T-55021" keeps its ticket id verbatim. */
function withAllowedKept(
  line: string,
  allowed: readonly string[],
  rewrite: (line: string) => string,
): string {
  const kept: string[] = [];
  let masked = line;
  for (const value of allowed) {
    if (!value || !masked.includes(value)) continue;
    kept.push(value);
    masked = masked.split(value).join(`\uE100${kept.length - 1}\uE101`);
  }
  return rewrite(masked).replace(/\uE100(\d+)\uE101/g, (_, i: string) => kept[Number(i)]!);
}

function safeLine(line: string): string {
  if (line.startsWith("Subject:")) return `Subject: ${makeClientSafe(line.slice("Subject:".length))}`;
  MARKER_PATTERN.lastIndex = 0;
  const sentences = line
    .split(/(?<=[.!?])\s+/)
    .map((s) => (MARKER_PATTERN.test(s) ? withoutSecretClauses(s) : s));
  return makeClientSafe(sentences.filter(Boolean).join(" "));
}
