import { looksLikeInstruction } from "../guardrails/index.ts";
import { normalizeChatMarkupWith } from "./chat-markup.ts";
import { cleanIncomingText } from "./clean-text.ts";

const NO_NAMES: ReadonlyMap<string, string> = new Map();
const ANY_TAG = /<\/?[a-z][^<>]*>/gi;
/** `=HYPERLINK("https://x","Click")`, `@SUM(A1)`, `+cmd|...`: a spreadsheet would run these. */
const FORMULA = /^[=+@\t\r]+\s*/;
const FUNCTION_CALL = /^[A-Z][A-Z0-9.]*\((.*)\)$/s;

/**
 * A one-line field that reaches an update (ticket summary, company, contact,
 * engineer name, resolution summary, escalation reason) as plain text: chat
 * markup resolved, broadcast mentions, HTML and scripts removed, a
 * spreadsheet formula reduced to its text, sentences addressed to an AI left
 * out, control characters gone.
 */
export function cleanField(text: string): string {
  // A field names no one by platform id: an unlabelled mention is dropped, not shown as "a teammate".
  const unlabelled = cleanIncomingText(text).replace(/<[@#][A-Z0-9]+>/g, "");
  let out = normalizeChatMarkupWith(unlabelled, NO_NAMES).replace(ANY_TAG, " ");
  out = withoutFormula(out);
  if (looksLikeInstruction(out)) {
    out = out
      .split(/(?<=[.!?])\s+|\s+(?=(?:ignore|disregard|forget|you are now|system prompt)\b)/i)
      .filter((part) => !looksLikeInstruction(part))
      .join(" ");
  }
  return out
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/^[\s,;:.—–-]+|[\s,;:—–-]+$/g, "")
    .trim();
}

function withoutFormula(text: string): string {
  if (!FORMULA.test(text)) return text;
  const bare = text.replace(FORMULA, "");
  const call = FUNCTION_CALL.exec(bare);
  if (!call) return bare;
  const strings = [...call[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  if (strings.length === 0) return bare;
  const label = strings.at(-1);
  return label && !/^[a-z]+:\/\//i.test(label) ? label : "";
}

/** The same for an optional field; an empty result becomes undefined. */
export function cleanOptionalField(text: string | undefined | null): string | undefined {
  if (typeof text !== "string") return undefined;
  return cleanField(text) || undefined;
}
