/**
 * Secrets typed into a session: passwords, keys, tokens, connection strings,
 * recovery keys. Found values are redacted from every output, wherever they
 * reappear in the session.
 */
export interface SecretMatch {
  kind: string;
  value: string;
  start: number;
  end: number;
}

export const REDACTED = "[redacted]";

/** Patterns whose whole match (or group 1) is a secret value. */
const DIRECT: Array<{ kind: string; re: RegExp }> = [
  { kind: "private_key", re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
  { kind: "openai_key", re: /\bsk-(?:live-|test-|proj-|ant-)?[A-Za-z0-9_-]{16,}/g },
  { kind: "aws_key", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: "github_token", re: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g },
  { kind: "slack_token", re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: "google_key", re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: "jwt", re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: "bitlocker_key", re: /\b\d{6}(?:-\d{6}){7}\b/g },
  { kind: "bearer_token", re: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g },
  { kind: "url_credentials", re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/gi },
  { kind: "connection_string", re: /\b(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*([^;\s'"]+)/gi },
];

/** A keyword, a separator, then the value: "pw is X", "password: X", "reset her password to X". */
const KEYWORD_VALUE =
  /\b(?:passwords?|passwd|pwd|pw|pass(?:phrase|code)|pin|wi-?fi (?:key|password)|psk|pre-?shared key|client secret|secret(?: key)?|api[ _-]?key|access[ _-]?key|app password|token|recovery key|admin creds?|credentials?|creds?)\b(?:\s+(?:for|of|on)\s+[\w.@-]+)?\s*(?:is|was|are|=|:|->|=>|to|now|set to|reset to|changed to)\s*["'`“]?([^\s"'`”]+)/gi;

/** "user / pass" after a creds keyword: the second part is the secret. */
const CRED_PAIR = /\b(?:creds?|credentials?|login)\s*(?:are|is|:|=)?\s*[\w.@\\-]+\s*(?:\/|:)\s*([^\s,;]+)/gi;

const BACKUP_CODES = /\b(?:backup|recovery|mfa) codes?\s*(?:are|is|:)?\s*((?:\d{4,10}[\s,]+){1,9}\d{4,10})/gi;

/** Values after a keyword that are ordinary words, not secrets. */
const NOT_A_SECRET = new Set(
  "a an the is was correct incorrect wrong right reset expired changed blank empty missing required set same new old valid invalid ok fine working worked locked unlocked there here it this that their his her our your my its not still now prompt prompts field fields policy policies manager vault managers change changes rotation reuse length complexity history".split(
    " ",
  ),
);

function looksSecret(value: string): boolean {
  const v = value.replace(/[.,;:)\]}>!?]+$/, "");
  if (v.length < 4 || NOT_A_SECRET.has(v.toLowerCase())) return false;
  if (/^\[redacted/i.test(v)) return false;
  const hasDigit = /\d/.test(v);
  const hasSymbol = /[^A-Za-z0-9]/.test(v);
  const mixedCase = /[a-z]/.test(v) && /[A-Z]/.test(v.slice(1));
  return hasDigit || hasSymbol || mixedCase || v.length >= 12;
}

const trimValue = (value: string) => value.replace(/[.,;:)\]}>]+$/, "");

/** Every secret in a text, with its position. */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  const add = (kind: string, value: string, start: number) => {
    if (!value) return;
    found.push({ kind, value, start, end: start + value.length });
  };
  for (const { kind, re } of DIRECT) {
    for (const m of text.matchAll(re)) {
      const value = m[1] ?? m[0];
      add(kind, trimValue(value), m.index + m[0].indexOf(value));
    }
  }
  for (const re of [KEYWORD_VALUE, CRED_PAIR]) {
    for (const m of text.matchAll(re)) {
      const value = trimValue(m[1]!);
      if (looksSecret(value)) add("password", value, m.index + m[0].lastIndexOf(m[1]!));
    }
  }
  for (const m of text.matchAll(BACKUP_CODES))
    add("backup_codes", m[1]!.trim(), m.index + m[0].indexOf(m[1]!));
  return found.sort((a, b) => a.start - b.start);
}

/** The distinct secret values found in a session's texts. */
export function collectSessionSecrets(texts: readonly string[]): string[] {
  const values = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const s of findSecrets(text)) values.add(s.value);
  }
  return [...values];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every detected secret, and every occurrence of the known ones, with "[redacted]". */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  const values = new Set<string>(known.filter((k) => k.length >= 3));
  for (const s of findSecrets(text)) values.add(s.value);
  if (values.size === 0) return text;
  const pattern = new RegExp(
    [...values]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
    "g",
  );
  return text.replace(pattern, REDACTED);
}
