import { MARKER_PATTERN, markerFor, type SecretKind } from "./kinds.ts";
import { findKnownFormatSecrets } from "./known-formats.ts";
import { type NotSecretRange, notSecretRanges } from "./not-secrets.ts";
import type { SessionSecrets } from "./session.ts";

/** A range no value may overlap; masked (blanked for the rules) unless marked readable. */
type Range = NotSecretRange;

import { findProseSecrets, type SecretSpan } from "./rules.ts";

/**
 * One detector for every text that enters FlowPilot: FlowPilot's prose rules
 * plus secretlint's known formats. Found values are replaced by a marker
 * naming the kind (`[password removed]`). Markers already in the text are
 * never taken for secrets, so redacting twice changes nothing.
 */
export interface Redaction {
  text: string;
  /** The kinds removed, in order of appearance. */
  kinds: SecretKind[];
  /** The values removed (for a caller that remembers a session's secrets; never store or log them). */
  found: Map<string, SecretKind>;
}

export interface RedactOptions {
  /**
   * Secrets already seen in the same session: they are removed wherever they
   * appear again, even without a label ("tried Tr0ub4dor&3 on the second firewall").
   */
  known?: ReadonlyMap<string, SecretKind>;
  /**
   * The session the text belongs to: its known values are removed (as with
   * `known`), a value announced by a label at the end of the previous text is
   * found, and what this text finds and announces is remembered for the next.
   */
  session?: SessionSecrets;
  /**
   * The text is a field (a ticket summary, a company, a resolution summary),
   * not the next chat message: it never answers a label the last message
   * ended with, nor leaves one open.
   */
  field?: boolean;
}

/** Public keys: look like secrets, are not (an ssh public key line, a WireGuard peer's PublicKey). */
const PUBLIC_KEY =
  /\b(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-[\w-]+|sk-ssh-ed25519@openssh\.com)\s+AAAA[A-Za-z0-9+/]{16,}={0,3}|\bPublicKey\s*=\s*[A-Za-z0-9+/]{40,}={0,2}/g;

/**
 * Where markers already stand, public keys, and technical tokens that are
 * never secrets (fingerprints, ARNs, IPv6 addresses…): no rule may match
 * inside or across them.
 */
function markerRanges(text: string): Range[] {
  MARKER_PATTERN.lastIndex = 0;
  const ranges: Range[] = [...text.matchAll(MARKER_PATTERN)].map(
    (m): Range => [m.index, m.index + m[0].length],
  );
  if (/ssh-|ecdsa-|PublicKey/.test(text))
    for (const m of text.matchAll(PUBLIC_KEY)) ranges.push([m.index, m.index + m[0].length]);
  ranges.push(...notSecretRanges(text));
  return ranges;
}

/**
 * The text with its markers blanked out (same length, so positions hold):
 * no rule may read a marker's words as a label ("[password removed]' /cert:ignore").
 */
function maskMarkers(text: string, markers: Range[]): string {
  let out = text;
  // NUL: never in text that passed the intake, neither a space nor a word character to any rule.
  for (const [a, b, readable] of markers)
    if (!readable) out = out.slice(0, a) + "\u0000".repeat(b - a) + out.slice(b);
  return out;
}

/** A value worth looking for elsewhere: long enough not to match ordinary words or numbers by chance. */
function rememberable(value: string): boolean {
  return /^\d+$/.test(value) ? value.length >= 6 : value.length >= 5;
}

/** Every occurrence of a known or just-found value. */
function repeats(text: string, values: ReadonlyMap<string, SecretKind>): SecretSpan[] {
  const out: SecretSpan[] = [];
  for (const [value, kind] of values) {
    if (!rememberable(value)) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      out.push({ kind, start: at, end: at + value.length });
  }
  return out;
}

/** Overlapping spans merged; spans touching a marker dropped. */
function merge(spans: SecretSpan[], markers: Range[]): SecretSpan[] {
  const usable = spans
    .filter((s) => s.end > s.start && !markers.some(([a, b]) => s.start < b && s.end > a))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretSpan[] = [];
  for (const s of usable) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      // A rule that read a label or a format names the kind better than one that saw a shape.
      if (last.byShape && !s.byShape) {
        last.kind = s.kind;
        last.byShape = false;
      }
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

function redact(text: string, markers: Range[], detected: SecretSpan[], options: RedactOptions): Redaction {
  const fresh = merge(detected, markers);
  const found = new Map<string, SecretKind>();
  for (const s of fresh) found.set(text.slice(s.start, s.end), s.kind);
  const all = new Map([...(options.known ?? []), ...found]);
  const spans = all.size > 0 ? merge([...fresh, ...repeats(text, all)], markers) : fresh;
  if (spans.length === 0) return { text, kinds: [], found };
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + markerFor(s.kind);
    at = s.end;
  }
  return { text: out + text.slice(at), kinds: spans.map((s) => s.kind), found };
}

/** Secrets found by FlowPilot's own rules only (synchronous; for code that cannot wait). */
export function redactSecretsSync(text: string, options: RedactOptions = {}): Redaction {
  const markers = markerRanges(text);
  return redact(text, markers, findProseSecrets(maskMarkers(text, markers)), options);
}

/** Secrets found by FlowPilot's rules and by secretlint's known formats. */
export async function redactSecrets(text: string, options: RedactOptions = {}): Promise<Redaction> {
  const markers = markerRanges(text);
  const masked = maskMarkers(text, markers);
  const { session } = options;
  const answers = session && !options.field ? session.follow(text) : [];
  const result = redact(
    text,
    markers,
    [...answers, ...findProseSecrets(masked), ...(await findKnownFormatSecrets(masked))],
    session ? { known: session.known } : options,
  );
  session?.remember(result.found);
  return result;
}

/** The spans FlowPilot's own rules find, merged (synchronous). */
export function detectSecretsSync(text: string): SecretSpan[] {
  const markers = markerRanges(text);
  return merge(findProseSecrets(maskMarkers(text, markers)), markers);
}

/** The spans the detector finds, merged (for tests and the benchmark). */
export async function detectSecrets(text: string): Promise<SecretSpan[]> {
  const markers = markerRanges(text);
  const masked = maskMarkers(text, markers);
  return merge([...findProseSecrets(masked), ...(await findKnownFormatSecrets(masked))], markers);
}
