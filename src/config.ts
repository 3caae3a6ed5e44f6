import { z } from "zod";

/**
 * Configuration, read once at start-up from the environment and validated.
 * A missing or bad setting stops start-up with one line naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const configSchema = z.object({
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
  FLOWPILOT_ENGINEER_NAME: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url("must be a URL such as https://api.openai.com/v1").optional()),
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  FLOWPILOT_ENCRYPTION_KEY: optionalString,
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  /** Unset: "info" for servers, "warn" in the console so logs do not drown the conversation. */
  logLevel?: NonNullable<RawConfig["LOG_LEVEL"]>;
  /** The console engineer's display name (defaults to the OS user name). */
  engineerName?: string;
  /** Present only when OPENAI_API_KEY is set: the LLM writes and the recognizer may ask it. */
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  encryptionKey?: string;
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
  };
}
