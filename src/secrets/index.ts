/**
 * Secrets typed into a session: found once, at intake, and replaced by a
 * marker naming the kind before anything is stored, shown, logged or sent
 * to a model. Shared by the engine and the intent recognizer.
 */
export { hasSecretMarker, MARKER_PATTERN, markerFor, SECRET_KINDS, type SecretKind } from "./kinds.ts";
export {
  detectSecrets,
  detectSecretsSync,
  type Redaction,
  redactSecrets,
  redactSecretsSync,
} from "./redact.ts";
export type { SecretSpan } from "./rules.ts";
export { SessionSecrets } from "./session.ts";
