import type { SecretKind } from "./kinds.ts";
import { isProseWord } from "./prose-words.ts";
import { isPlaceholder, looksTechnical, readValue, type ValueSpan } from "./values.ts";

/** One secret value found in a text. */
export interface SecretSpan {
  kind: SecretKind;
  start: number;
  end: number;
  /** Found by shape alone (a random token, a password-shaped word): a rule that read a label names the kind better. */
  byShape?: boolean;
}

/**
 * A rule adds the spans it finds in a text. `hint`, when set, is a cheap test
 * a text must pass before the rule can find anything in it.
 */
export type Rule = ((text: string, found: SecretSpan[]) => void) & { hint?: RegExp };

/** A rule that runs only on texts that pass `hint`. */
export function guarded(hint: RegExp, run: (text: string, found: SecretSpan[]) => void): Rule {
  return Object.assign(
    (text: string, found: SecretSpan[]) => {
      if (hint.test(text)) run(text, found);
    },
    { hint },
  );
}

/** Spans of every match of `re` (or of its named group `v`, `q` or `w`, whichever matched), on texts that pass `hint`. */
export function pattern(
  kind: SecretKind,
  hint: RegExp,
  re: RegExp,
  accept?: (value: string) => boolean,
): Rule {
  return guarded(hint, (text, found) => {
    for (const m of text.matchAll(re)) {
      const group = m.groups?.v ?? m.groups?.q ?? m.groups?.w;
      const value = group ?? m[0];
      if (!value || isPlaceholder(value) || (accept && !accept(value))) continue;
      const start = m.index + (group === undefined ? 0 : m[0].lastIndexOf(value));
      found.push({ kind, start, end: start + value.length });
    }
  });
}

/** The value right after each match of `re`: introduced explicitly (lenient) or not (must look secret). */
export function valueAfter(
  kind: SecretKind,
  hint: RegExp,
  re: RegExp,
  lenient: boolean,
  accept?: (v: string) => boolean,
): Rule {
  return guarded(hint, (text, found) => {
    for (const m of text.matchAll(re)) {
      const v = readValue(text, m.index + m[0].length, lenient);
      if (v && (!accept || accept(v.value))) found.push({ kind, start: v.start, end: v.end });
    }
  });
}

/** The single word in a password's slot ("login root / calvin"), unless it is prose or a placeholder. */
export function slotValue(text: string, from: number): ValueSpan | null {
  const v = readValue(text, from, true);
  if (v) return v;
  const word = /^\s*([^\s,;)]+)/.exec(text.slice(from));
  if (
    !word ||
    word[1]!.length < 3 ||
    isProseWord(word[1]!) ||
    isPlaceholder(word[1]!) ||
    looksTechnical(word[1]!)
  )
    return null;
  const start = from + word[0].length - word[1]!.length;
  return { start, end: start + word[1]!.length, value: word[1]! };
}

/** Inside a URL or a path: a "user/pass" look-alike there is a path segment, not a credential. */
export function insideUrlOrPath(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, text.lastIndexOf(" ", index) + 1), index);
  return /:\/\/|^[\\/~]|^[A-Za-z]:\\|\\\\|\/[\w.~-]+\/|#\//.test(before);
}
