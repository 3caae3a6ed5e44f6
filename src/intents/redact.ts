/**
 * Masks secrets an engineer may have typed into the thread before a message
 * is sent to a model for classification: "password is Hunter2!", "token: abc…",
 * API keys, JWTs and other long opaque strings. Classification never needs them.
 */
const LABELLED_SECRET =
  /\b(password|passwd|pwd|pw|passcode|passphrase|pin|secret|token|api[ _-]?key|apikey|key|credentials?|creds)(\s*(?:is|was|=|:|->)\s*|\s+)(["']?)[^\s"']{3,}\3/gi;
const OPAQUE_SECRET =
  /\b(?:sk-[A-Za-z0-9_-]{8,}|eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}|(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{28,})\b/g;

export function redactSecrets(text: string): string {
  return text
    .replace(LABELLED_SECRET, (_m, label: string, sep: string) => `${label}${sep}[redacted]`)
    .replace(OPAQUE_SECRET, "[redacted]");
}
