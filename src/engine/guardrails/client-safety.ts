import { detectSecretsSync, MARKER_PATTERN, redactSecretsSync } from "../../secrets/index.ts";
import { withoutSecretClauses } from "../context/secret-markers.ts";
import { COMPILED_GLOSSARY, type GlossaryEntry, inSense } from "./glossary.ts";
import { findTechnicalTokens, type TokenKind } from "./technical-tokens.ts";

export type ViolationKind = "secret" | TokenKind | "tool" | "jargon";

export interface Violation {
  kind: ViolationKind;
  match: string;
  index: number;
}

export interface PlainTerm {
  index: number;
  length: number;
  term: string;
  /** Singular client wording, e.g. "mail routing setting". */
  plain: string;
  kind: "jargon" | "tool" | "plain";
}

/** Glossary terms in a text with their plain wording, in order of appearance. */
export function findPlainTerms(text: string): PlainTerm[] {
  const out: PlainTerm[] = [];
  const taken: Array<[number, number]> = [];
  for (const compiled of COMPILED_GLOSSARY) {
    const { entry, pattern } = compiled;
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!inSense(compiled, text, start, m[0].length)) continue;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      out.push({
        index: start,
        length: m[0].length,
        term: m[0],
        plain: entry.plain,
        kind: entry.kind ?? "jargon",
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Anything in a text that looks like a secret. */
export function findSecretViolations(text: string): Violation[] {
  return detectSecretsSync(text).map((s) => ({
    kind: "secret",
    match: text.slice(s.start, s.end),
    index: s.start,
  }));
}

/** Everything in a text that must not reach a client: secrets and their markers, addresses, hosts, paths, codes, tools, jargon. */
export function findClientViolations(text: string): Violation[] {
  const violations: Violation[] = findSecretViolations(text);
  MARKER_PATTERN.lastIndex = 0;
  for (const m of text.matchAll(MARKER_PATTERN))
    violations.push({ kind: "secret", match: m[0], index: m.index });
  for (const t of findTechnicalTokens(text)) violations.push(t);
  for (const term of findPlainTerms(text)) {
    if (term.kind !== "plain") violations.push({ kind: term.kind, match: term.term, index: term.index });
  }
  return violations.sort((a, b) => a.index - b.index);
}

const LEAD_IN =
  /(?<![A-Za-z])(?:(?:on|at|to|from|via|for|in|of|with|against|behind|using)\s+)?(?:the\s+|our\s+|their\s+|your\s+)?(?:(?:server|host|machine|device|box|firewall|address|IP|path|share|folder|mailbox|account|user|code|error)\s+)?$/i;

function isPlural(term: string, entry: GlossaryEntry): boolean {
  return (
    entry.plural !== entry.plain &&
    /(?:s|es|ies)$/i.test(term) &&
    !/(?:ss|SS|us|is)$/.test(term) &&
    term.length > 3
  );
}

/**
 * Rewrites technical text into client-safe wording: secrets, addresses,
 * hosts, paths, URLs and codes are removed (with the preposition that
 * introduced them), tools and jargon get their plain wording, and the
 * sentence is tidied. Best effort: callers check the result with
 * findClientViolations before using it.
 */
export function makeClientSafe(text: string): string {
  // Clauses that carried a secret go whole: "password to [password removed]" leaves no stray words.
  let out = redactSecretsSync(text)
    .text.split(/(?<=[.!?])\s+/)
    .map(withoutSecretClauses)
    .filter(Boolean)
    .join(" ");
  // Technical tokens, right to left so indexes stay valid.
  const tokens = findTechnicalTokens(out);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const lead = LEAD_IN.exec(out.slice(Math.max(0, t.index - 60), t.index))?.[0] ?? "";
    out = out.slice(0, t.index - lead.length) + out.slice(t.index + t.match.length);
  }
  for (const compiled of COMPILED_GLOSSARY) {
    const { entry, pattern } = compiled;
    if (entry.kind === "plain") continue;
    const before = out;
    out = out.replace(pattern, (term: string, offset: number) => {
      if (!inSense(compiled, before, offset, term.length)) return term;
      return isPlural(term, entry) ? (entry.plural ?? `${entry.plain}s`) : entry.plain;
    });
  }
  return tidy(out);
}

function tidy(text: string): string {
  return (
    text
      .replace(/\(\s*\)|\[\s*\]|''|""/g, "")
      // "the our security tools" -> "our security tools"; "the the" -> "the".
      .replace(/\b(?:the|a|an)\s+(our|your)\s+/gi, "$1 ")
      .replace(/\b(the|a|an|our|your)\s+(?:the|our|your)\s+/gi, "$1 ")
      .replace(/\b(a)\s+(?=[aeiou])/gi, (_m, a: string) => (a === "A" ? "An " : "an "))
      .replace(/\b(an)\s+(?=[^aeiou\s])/gi, (_m, an: string) => (an === "An" ? "A " : "a "))
      .replace(/\s+([,.;:!?])/g, "$1")
      .replace(/([,;:])\s*(?=[,.;:])/g, "")
      .replace(/\s+-\s+(?=[,.;]|$)/g, "")
      .replace(/^\s*[-,;:]\s*/, "")
      .replace(/\s{2,}/g, " ")
      .replace(/\s+-\s*$/, "")
      .trim()
  );
}
