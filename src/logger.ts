import pino, { type Logger } from "pino";
import { redactSecretsSync } from "./secrets/index.ts";

/** Keys that hold credentials, wherever they appear in a log object. */
const CREDENTIAL_KEYS = [
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "clientSecret",
  "client_secret",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "apiKey",
  "api_key",
  "privateKey",
  "private_key",
  "encryptedPrivateKey",
  "encryptionKey",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "x-api-key",
  "signingSecret",
  "botToken",
  "appPassword",
  "connectionString",
  "databaseUrl",
  "DATABASE_URL",
  "OPENAI_API_KEY",
  "CONNECTWISE_PRIVATE_KEY",
  "FLOWPILOT_ENCRYPTION_KEY",
];
/** Keys that hold what people typed: never logged at all. */
const TEXT_KEYS = [
  "text",
  "content",
  "summary",
  "reason",
  "input",
  "body",
  "final_content",
  "generated_content",
];

const path = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) =>
  path(key).startsWith("[") ? `${prefix}${path(key)}` : `${prefix}.${key}`;

/** Every key at the top level and two levels down (pino's redaction does not take deeper wildcards). */
const REDACT_PATHS = [...CREDENTIAL_KEYS, ...TEXT_KEYS].flatMap((key) => [
  path(key),
  join("*", key),
  join("*.*", key),
]);

/** Strings in a log object pass the secret detector too: an error message may quote what was sent. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactSecretsSync(value).text;
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter and
 * CLI output). Message text and update content are never logged, credential
 * fields are censored, and every other string passes the secret detector.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "flowpilot" },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
    },
    destination ?? pino.destination(2),
  );
}
