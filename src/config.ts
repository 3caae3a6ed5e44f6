import { z } from "zod";
import { checkPersonName } from "./domain/person-name.ts";

export type { SlackSettings, TeamsSettings } from "./config-chat-platforms.ts";

/**
 * The core settings (database, logging, the engineer's name, the LLM, the
 * encryption key, the HTTP server, retention), read from the environment
 * and validated. The app reads them together with the chat platforms' and
 * the PSA providers' settings in one pass (src/app/config.ts): a missing or
 * bad setting stops start-up with one line naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const coreShape = {
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional(),
  ),
  FLOWPILOT_DATA_DIR: z.string().trim().min(1).default("./data"),
  LOG_LEVEL: optionalString.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  FLOWPILOT_ENGINEER_NAME: optionalString.pipe(
    z
      .string()
      .transform((value, ctx) => {
        const checked = checkPersonName(value);
        if (!checked.ok) ctx.addIssue({ code: "custom", message: `${checked.reason} Set your full name.` });
        return checked.ok ? checked.name : z.NEVER;
      })
      .optional(),
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url("must be a URL such as https://api.openai.com/v1").optional()),
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  FLOWPILOT_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .transform((value, ctx) => {
        const key = decodeEncryptionKey(value);
        if (!key)
          ctx.addIssue({ code: "custom", message: "must be 32 bytes, as 64 hex characters or base64" });
        return key ?? z.NEVER;
      })
      .optional(),
  ),
  FLOWPILOT_HTTP_HOST: z.string().trim().min(1).default("0.0.0.0"),
  FLOWPILOT_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** REST requests each account may make per minute (per API process); over it: 429 with Retry-After. */
  FLOWPILOT_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Closed sessions older than this many days are deleted by the server's daily retention job; unset keeps all. */
  FLOWPILOT_RETENTION_DAYS: optionalString.pipe(
    z.coerce
      .number<string>("must be a number of days, such as 90")
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .optional(),
  ),
};

/** A 32-byte AES key from 64 hex characters or base64; null when it is neither. */
export function decodeEncryptionKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, "base64");
    if (bytes.length === 32) return bytes;
  }
  return null;
}

type RawCoreConfig = z.infer<z.ZodObject<typeof coreShape>>;

export interface CoreConfig {
  databaseUrl?: string;
  dataDir: string;
  /** Unset: "info" for servers, "warn" in the console so logs do not drown the conversation. */
  logLevel?: NonNullable<RawCoreConfig["LOG_LEVEL"]>;
  /** The console engineer's display name, checked like the console's name prompt. */
  engineerName?: string;
  /** Present only when OPENAI_API_KEY is set: the LLM writes and the recognizer may ask it. */
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  /** FLOWPILOT_ENCRYPTION_KEY, decoded: encrypts stored PSA private keys and Slack bot tokens. */
  encryptionKey?: Buffer;
  http: { host: string; port: number; requestsPerMinute: number };
  /** FLOWPILOT_RETENTION_DAYS: the server deletes sessions closed longer ago than this, daily; unset keeps them. */
  retentionDays?: number;
}

/** The core part of the configuration: its variables, and the settings they make. */
export const coreSettings = {
  shape: coreShape,
  read(c: RawCoreConfig): CoreConfig {
    return {
      databaseUrl: c.DATABASE_URL,
      dataDir: c.FLOWPILOT_DATA_DIR,
      logLevel: c.LOG_LEVEL,
      engineerName: c.FLOWPILOT_ENGINEER_NAME,
      llm: c.OPENAI_API_KEY
        ? {
            apiKey: c.OPENAI_API_KEY,
            baseURL: c.OPENAI_BASE_URL,
            model: c.OPENAI_MODEL,
            timeoutMs: c.OPENAI_TIMEOUT_MS,
          }
        : undefined,
      encryptionKey: c.FLOWPILOT_ENCRYPTION_KEY,
      http: {
        host: c.FLOWPILOT_HTTP_HOST,
        port: c.FLOWPILOT_HTTP_PORT,
        requestsPerMinute: c.FLOWPILOT_API_RATE_LIMIT,
      },
      retentionDays: c.FLOWPILOT_RETENTION_DAYS,
    };
  },
};

/** A configuration that cannot be used: the message is one line naming the setting. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
