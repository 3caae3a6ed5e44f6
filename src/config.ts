import { z } from "zod";
import {
  chatPlatformSchema,
  MissingChatSetting,
  type SlackSettings,
  slackSettings,
  type TeamsSettings,
  teamsSettings,
} from "./config-chat-platforms.ts";
import { checkPersonName } from "./domain/person-name.ts";
import { insecureSiteProblem } from "./psa/connectwise/connection.ts";

export type { SlackSettings, TeamsSettings };

/**
 * Configuration, read once at start-up from the environment and validated.
 * A missing or bad setting stops start-up with one line naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const configSchema = z
  .object({
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
    CONNECTWISE_SITE: optionalString,
    CONNECTWISE_COMPANY_ID: optionalString,
    CONNECTWISE_PUBLIC_KEY: optionalString,
    CONNECTWISE_PRIVATE_KEY: optionalString,
    CONNECTWISE_CLIENT_ID: optionalString,
    CONNECTWISE_CODEBASE: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_]+$/, "must look like v4_6_release")
      .default("v4_6_release"),
    CONNECTWISE_API_VERSION: optionalString,
    PSA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  })
  .extend(chatPlatformSchema.shape);

/** The settings that, all together, connect every account to one ConnectWise site. */
const CONNECTWISE_REQUIRED = [
  "CONNECTWISE_SITE",
  "CONNECTWISE_COMPANY_ID",
  "CONNECTWISE_PUBLIC_KEY",
  "CONNECTWISE_PRIVATE_KEY",
  "CONNECTWISE_CLIENT_ID",
] as const;

/** A 32-byte AES key from 64 hex characters or base64; null when it is neither. */
export function decodeEncryptionKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, "base64");
    if (bytes.length === 32) return bytes;
  }
  return null;
}

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  /** Unset: "info" for servers, "warn" in the console so logs do not drown the conversation. */
  logLevel?: NonNullable<RawConfig["LOG_LEVEL"]>;
  /** The console engineer's display name, checked like the console's name prompt. */
  engineerName?: string;
  /** Present only when OPENAI_API_KEY is set: the LLM writes and the recognizer may ask it. */
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  /** FLOWPILOT_ENCRYPTION_KEY, decoded: encrypts stored PSA private keys. */
  encryptionKey?: Buffer;
  http: { host: string; port: number; requestsPerMinute: number };
  /** FLOWPILOT_RETENTION_DAYS: the server deletes sessions closed longer ago than this, daily; unset keeps them. */
  retentionDays?: number;
  /** ConnectWise connection from the environment (applies to accounts without a stored one). */
  connectwise?: ConnectWiseSettings;
  psaTimeoutMs: number;
  /** Present when Slack settings are: `npm start` serves Slack. */
  slack?: SlackSettings;
  /** Present when MicrosoftAppId (or FLOWPILOT_TEAMS_ALLOW_ANONYMOUS=true) is: `npm start` serves Teams. */
  teams?: TeamsSettings;
}

export interface ConnectWiseSettings {
  /** Host such as api-na.myconnectwise.net, or a full https:// URL. */
  site: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  codebase: string;
  /** Optional API version for the Accept header, such as 2024.1. */
  apiVersion?: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`invalid setting ${name}: ${issue.message}`);
  }
  const c = parsed.data;
  const cwGiven = CONNECTWISE_REQUIRED.filter((name) => c[name] !== undefined);
  const siteProblem = c.CONNECTWISE_SITE ? insecureSiteProblem(c.CONNECTWISE_SITE) : null;
  if (siteProblem) throw new ConfigError(`invalid setting CONNECTWISE_SITE: ${siteProblem}`);
  if (cwGiven.length > 0 && cwGiven.length < CONNECTWISE_REQUIRED.length) {
    const missing = CONNECTWISE_REQUIRED.find((name) => c[name] === undefined);
    throw new ConfigError(
      `invalid setting ${missing}: required when ${cwGiven[0]} is set (a ConnectWise connection needs ${CONNECTWISE_REQUIRED.join(", ")})`,
    );
  }
  let slack: SlackSettings | undefined;
  let teams: TeamsSettings | undefined;
  try {
    slack = slackSettings(c, c.FLOWPILOT_ENCRYPTION_KEY !== undefined);
    teams = teamsSettings(c);
  } catch (err) {
    if (err instanceof MissingChatSetting) throw new ConfigError(err.message);
    throw err;
  }
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
    connectwise:
      cwGiven.length > 0
        ? {
            site: c.CONNECTWISE_SITE!,
            companyId: c.CONNECTWISE_COMPANY_ID!,
            publicKey: c.CONNECTWISE_PUBLIC_KEY!,
            privateKey: c.CONNECTWISE_PRIVATE_KEY!,
            clientId: c.CONNECTWISE_CLIENT_ID!,
            codebase: c.CONNECTWISE_CODEBASE,
            apiVersion: c.CONNECTWISE_API_VERSION,
          }
        : undefined,
    psaTimeoutMs: c.PSA_TIMEOUT_MS,
    slack,
    teams,
  };
}
