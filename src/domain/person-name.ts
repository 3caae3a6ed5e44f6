/**
 * Whether a typed text can be a person's full name, as it signs client
 * emails. Names are written in every script, with apostrophes (O'Brien,
 * N’Diaye), hyphens (Jean-Luc), particles (van der Berg), initials (J. R.
 * Smith) or a single word (Suharto); what gets refused is what a name never
 * is: a command, a number, an address, control characters, a paragraph.
 */

/** Longest name accepted: far more than any real sign-off needs. */
export const MAX_PERSON_NAME_CHARS = 80;

export type PersonNameCheck = { ok: true; name: string } | { ok: false; reason: string };

/**
 * Letters and combining marks of any script, spaces, apostrophes, hyphens,
 * periods (initials), commas (", Jr."), middle dots (Catalan l·l, Japanese
 * ・) and the zero-width joiners some scripts need inside a word.
 */
const NAME_CHAR = /[\p{L}\p{M} '’ʼ‘\-‐‑.,·・\u200C\u200D]/u;

/** The name, tidied (spaces collapsed, NFC), or the reason it cannot be one, as one sentence. */
export function checkPersonName(typed: string): PersonNameCheck {
  const text = typed
    .normalize("NFC")
    .trim()
    .replace(/[ \u00A0]+/g, " ");
  if (!text) return { ok: false, reason: "Nothing was entered." };
  if (/[\p{Cc}\u2028\u2029]/u.test(text) || /\p{Cf}/u.test(text.replace(/[\u200C\u200D]/g, "")))
    return { ok: false, reason: "That contains control characters, which a name never has." };
  if (text.startsWith("/")) return { ok: false, reason: `"${shorten(text)}" is a command, not a name.` };
  if (/^\d+$/.test(text)) return { ok: false, reason: `"${text}" is a number, not a name.` };
  const length = [...text].length;
  if (length > MAX_PERSON_NAME_CHARS)
    return {
      ok: false,
      reason: `That is ${length} characters; a name here has at most ${MAX_PERSON_NAME_CHARS}.`,
    };
  if (/\S@\S/.test(text)) return { ok: false, reason: "That is an e-mail address, not a name." };
  if (/:\/\/|^www\./i.test(text)) return { ok: false, reason: "That is a web address, not a name." };
  if ((text.match(/\p{L}/gu) ?? []).length < 2)
    return { ok: false, reason: "A name needs at least two letters." };
  if (/\p{N}/u.test(text)) return { ok: false, reason: "A name has no digits." };
  const odd = [...text].find((c) => !NAME_CHAR.test(c));
  if (odd) return { ok: false, reason: `A name has no "${odd}".` };
  return { ok: true, name: text };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
