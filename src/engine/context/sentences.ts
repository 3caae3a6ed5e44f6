/**
 * Splits chat text into sentences without breaking host names, versions,
 * decimals, abbreviations ("fw01.brightline.local", "v2.1", "e.g.") or
 * quoted text and error messages ("`Get-Item x | ? Name`", "\"Access denied. Contact IT.\"").
 * Chat is often written without capitals, so "done. next: check ABE" is two sentences.
 */
const SENTENCE_END = /(?<=[.!?])\s+(?=["'([`]?[A-Za-z0-9@])/;
const ABBREVIATION_END =
  /\b(?:e\.g|i\.e|etc|approx|vs|no|mr|mrs|ms|dr|st|min|mins|sec|ca|incl|fig|ref|[a-z])\.$/i;
const QUOTED = /`[^`\n]*`|"[^"\n]*"|“[^”\n]*”/g;
const PUNCTUATION_IN_QUOTES: Record<string, string> = { ".": "\uE000", "!": "\uE001", "?": "\uE002" };
const RESTORE = /[\uE000-\uE002]/g;
const RESTORED: Record<string, string> = { "\uE000": ".", "\uE001": "!", "\uE002": "?" };

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const masked = text.replace(QUOTED, (q) => q.replace(/[.!?]/g, (c) => PUNCTUATION_IN_QUOTES[c]!));
  for (const line of masked.split(/\r?\n+/)) {
    const trimmed = line.trim().replace(/^[-*•]\s+/, "");
    if (!trimmed) continue;
    let pending = "";
    for (const part of trimmed.split(SENTENCE_END)) {
      pending = pending ? `${pending} ${part}` : part;
      if (!ABBREVIATION_END.test(pending)) {
        out.push(pending.trim());
        pending = "";
      }
    }
    if (pending.trim()) out.push(pending.trim());
  }
  return masked === text ? out : out.map((s) => s.replace(RESTORE, (c) => RESTORED[c]!));
}

/** Removes trailing sentence punctuation, so a sentence can become a list item. */
export function asListItem(sentence: string): string {
  return capitalize(sentence.trim().replace(/[.;:,]+$/, ""));
}

/** Upper-cases the first letter, leaving brand casing ("iPads", "eBay") and code ("v=spf1", "smtp.office365.com") alone. */
export function capitalize(text: string): string {
  if (/^[a-z][A-Z]/.test(text) || /^[a-z][^\s:]*?(?:[=_/\\@\d]|\.\w)/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word is an acronym or a name-like token. */
export function lowerFirst(text: string): string {
  const first = text.split(/\s+/, 1)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return text;
  if (/[A-Z]/.test(first.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Word count, for keeping quick texts short. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
