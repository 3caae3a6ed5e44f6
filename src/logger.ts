import pino, { type Logger } from "pino";

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT_PATHS = [
  "apiKey",
  "privateKey",
  "password",
  "token",
  "secret",
  "authorization",
  "*.apiKey",
  "*.privateKey",
  "*.password",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.headers.authorization",
  "*.text",
  "*.content",
];

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter and
 * CLI output). Message text and update content are redacted: session text can
 * carry secrets typed by engineers.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "flowpilot" } },
    destination ?? pino.destination(2),
  );
}
