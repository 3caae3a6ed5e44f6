import type { Audience } from "../types.ts";
import { findClientViolations, makeClientSafe, type Violation } from "./client-safety.ts";
import { findSecrets, REDACTED, redactSecrets } from "./secrets.ts";

export {
  findClientViolations,
  findPlainTerms,
  makeClientSafe,
  type PlainTerm,
  type Violation,
} from "./client-safety.ts";
export { GLOSSARY, type GlossaryEntry } from "./glossary.ts";
export { looksLikeInstruction } from "./injection.ts";
export { collectSessionSecrets, findSecrets, REDACTED, redactSecrets, type SecretMatch } from "./secrets.ts";

const isClientAudience = (audience: Audience) => audience !== "ticket_notes";

/** Violations in a generated text: secrets for every audience, all client-safety kinds for client audiences. */
export function checkOutput(
  text: string,
  audience: Audience,
  opts: { secrets: readonly string[] },
): Violation[] {
  const known: Violation[] = opts.secrets
    .filter((s) => s.length >= 3 && text.includes(s))
    .map((s) => ({ kind: "secret" as const, match: s, index: text.indexOf(s) }));
  if (isClientAudience(audience)) return [...known, ...findClientViolations(text)];
  return [
    ...known,
    ...findSecrets(text).map((s) => ({ kind: "secret" as const, match: s.value, index: s.start })),
  ];
}

/**
 * The last step for every generated text, whatever wrote it: redact secrets;
 * for client audiences rewrite each line that still carries something
 * technical. Returns the final text and what had to be repaired.
 */
export function enforceGuardrails(
  text: string,
  audience: Audience,
  opts: { secrets: readonly string[] },
): { text: string; repaired: Violation[] } {
  const repaired = checkOutput(text, audience, opts);
  if (repaired.length === 0) return { text, repaired };
  let out = redactSecrets(text, opts.secrets);
  if (isClientAudience(audience)) {
    out = out
      .split("\n")
      .map((line) =>
        line.startsWith("Subject:") || findClientViolations(line).length > 0 ? safeLine(line) : line,
      )
      .join("\n");
  } else {
    out = out.replace(/\s*\([^()]*\[redacted\][^()]*\)/g, "");
  }
  return {
    text: out.replaceAll(`${REDACTED} `, audience === "ticket_notes" ? `${REDACTED} ` : ""),
    repaired,
  };
}

function safeLine(line: string): string {
  if (line.startsWith("Subject:")) return `Subject: ${makeClientSafe(line.slice("Subject:".length))}`;
  return makeClientSafe(line);
}
