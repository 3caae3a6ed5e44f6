import type { SecretKind } from "./kinds.ts";
import { labelAtEnd } from "./label-rules.ts";
import { passphraseAt } from "./passphrase.ts";
import type { SecretSpan } from "./rule-kit.ts";
import { isPlaceholder, looksSecret, looksTechnical } from "./values.ts";

/**
 * What the detector remembers of one session, in memory only: the secret
 * values already found (removed again wherever they come back, label or
 * not), and a label the last message ended with ("temp password for
 * jsmith:"), whose value the next message may be.
 */
export class SessionSecrets {
  /** Values found in the session so far, newest last. */
  readonly known = new Map<string, SecretKind>();
  /** A label the previous text ended with, still waiting for its value. */
  pending: { kind: SecretKind; list: boolean } | undefined;

  /** `maxValues`: how many values to remember (the oldest are forgotten first). */
  constructor(private readonly maxValues = 64) {}

  /** Remembers the values just found. */
  remember(found: ReadonlyMap<string, SecretKind>): void {
    for (const [value, kind] of found) {
      this.known.delete(value);
      this.known.set(value, kind);
    }
    while (this.known.size > this.maxValues) this.known.delete(this.known.keys().next().value!);
  }

  /**
   * The spans of `text` that answer the pending label (the whole message
   * is the value, or a value a line), and what is pending after `text`.
   */
  follow(text: string): SecretSpan[] {
    const spans = this.pending ? valueMessage(text, this.pending.kind) : [];
    const wasList = this.pending?.list === true;
    this.pending = labelAtEnd(text) ?? (wasList && spans.length > 0 ? this.pending : undefined);
    return spans;
  }
}

/**
 * A message that is nothing but the value a label announced: one value a
 * line, a comment allowed after the values ("ghp_… ⏎ expires in 90 days").
 * Anything that reads as a sentence is not a value ("it's in LAPS, use
 * Get-LapsADPassword", "sent by SMS to her mobile").
 */
function valueMessage(text: string, kind: SecretKind): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const value = valueInLine(line.trim());
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (!value) {
      if (spans.length === 0) return [];
      break;
    }
    const start = offset - line.length - 1 + lead + value.start;
    spans.push({ kind, start, end: start + value.end - value.start });
  }
  return spans;
}

/** The value a line consists of: a secret-looking token, a user/password pair's password, a passphrase, code groups. */
function valueInLine(line: string): { start: number; end: number } | null {
  if (!line || line.length > 200) return null;
  if (/^\d{2,4}(?:[ -]\d{2,4}){1,5}#?$/.test(line)) return { start: 0, end: line.length };
  const pair = /^[\w.@\\$-]{1,40}\s*[/:|]\s*(\S+)$/.exec(line);
  if (pair && secretToken(pair[1]!)) return { start: line.length - pair[1]!.length, end: line.length };
  if (!/\s/.test(line)) {
    const token = line.replace(/[.,;]+$/, "");
    return secretToken(token) ? { start: 0, end: token.length } : null;
  }
  const phrase = passphraseAt(line, 0);
  return phrase && phrase.end >= line.replace(/[.!]+$/, "").length ? { start: 0, end: phrase.end } : null;
}

function secretToken(token: string): boolean {
  return token.length >= 4 && looksSecret(token) && !looksTechnical(token) && !isPlaceholder(token);
}
