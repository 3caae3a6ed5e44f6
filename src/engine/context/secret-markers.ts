import { MARKER_PATTERN } from "../../secrets/index.ts";

/**
 * Secret markers inside a fact: "[password removed]" keeps a ticket note
 * honest (a password was set) without the value. Legacy "[redacted]" debris
 * from earlier versions becomes a proper marker, and a parenthetical that
 * only carried a secret goes ("(pw is [password removed] for now)").
 */
export function tidySecretMarkers(text: string): string {
  if (!text.includes("[")) return text.trim();
  return text
    .replace(/\[redacted\]\]*/g, "[secret removed]")
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) =>
      carriesSecretMarker(inner) && !inner.replace(MARKER_PATTERN, "").replace(ONLY_LABEL_WORDS, "").trim()
        ? ""
        : whole,
    )
    .replace(/\s{2,}/g, " ")
    .trim();
}

const ONLY_LABEL_WORDS =
  /[\s:=,.]+|\b(?:is|was|the|new|temp|for now|pw|pwd|password|pass|passcode|pin|code|key|token|secret|creds?)\b/gi;

/** A sentence or clause that carries a marker: client-facing text leaves it out. */
export function carriesSecretMarker(text: string): boolean {
  MARKER_PATTERN.lastIndex = 0;
  return MARKER_PATTERN.test(text);
}

const CLAUSE_BREAK = /(?<=[,;])\s+|\s+(?=(?:and|then|but|so|which|after|before|once)\s)/i;

/**
 * The text without the clauses that carry a secret marker: "Rotated the sa
 * password to [password removed] and restarted the relay" becomes "Restarted
 * the relay". Empty when nothing readable is left.
 */
export function withoutSecretClauses(text: string): string {
  if (!carriesSecretMarker(text)) return text;
  const kept = text
    .split(CLAUSE_BREAK)
    .filter((clause) => !carriesSecretMarker(clause))
    .join(" ")
    .replace(/^\s*(?:and|then|but|so|which|after|before|once)\s+/i, "")
    .replace(/[,;]\s*$/, "")
    .trim();
  if (kept.split(/\s+/).length < 3) return "";
  const sentence = kept[0]!.toUpperCase() + kept.slice(1);
  return /[.!?]$/.test(sentence) || !/[.!?]$/.test(text) ? sentence : `${sentence}.`;
}
