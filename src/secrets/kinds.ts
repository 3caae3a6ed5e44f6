/**
 * The kinds of secret FlowPilot recognises, and the marker each leaves in
 * place of the value: stored text, API answers, logs, prompts and ticket notes
 * show `[password removed]`, never the value. Client-facing text shows no
 * marker at all (the sentence is rephrased or dropped).
 */
export const SECRET_KINDS = {
  password: "password",
  pin: "PIN",
  access_code: "access code",
  wifi_key: "Wi-Fi key",
  recovery_key: "recovery key",
  totp_seed: "TOTP seed",
  api_key: "API key",
  token: "token",
  signature: "signature",
  private_key: "private key",
  password_hash: "password hash",
  connection_string: "password",
  webhook_url: "webhook URL",
  payment_card: "card detail",
  secret: "secret",
} as const;

export type SecretKind = keyof typeof SECRET_KINDS;

export function markerFor(kind: SecretKind): string {
  return `[${SECRET_KINDS[kind]} removed]`;
}

const MARKER_LABELS = [...new Set(Object.values(SECRET_KINDS))].map((l) => l.replace(/[-.]/g, "\\$&"));

/**
 * A marker as it appears in text. Also matches `[redacted]` (and its
 * `[redacted]]` debris), left in stored data by versions before the markers.
 */
export const MARKER_PATTERN = new RegExp(
  `\\[(?:(?:${MARKER_LABELS.join("|")}) removed|redacted)\\]\\]?`,
  "g",
);

export function hasSecretMarker(text: string): boolean {
  MARKER_PATTERN.lastIndex = 0;
  return MARKER_PATTERN.test(text);
}
