import { z } from "zod";
import { ConfigError, type CoreConfig, coreSettings } from "../config.ts";
import {
  chatPlatformSchema,
  type SlackSettings,
  slackSettings,
  type TeamsSettings,
  teamsSettings,
} from "../config-chat-platforms.ts";
import { InvalidSettingError } from "../errors.ts";
import { type PsaEnvironmentSettings, psaEnvironment } from "../psa/providers.ts";

/**
 * The whole configuration, read once at start-up from the environment in one
 * pass over three parts: the core settings (src/config.ts), the PSA
 * providers' (src/psa/providers.ts: settings keyed by provider) and the chat
 * platforms' (src/config-chat-platforms.ts). The first bad or missing
 * setting stops start-up with one line naming it.
 */
const configSchema = z.object({
  ...coreSettings.shape,
  ...psaEnvironment.shape,
  ...chatPlatformSchema.shape,
});

export type Config = CoreConfig &
  PsaEnvironmentSettings & {
    /** Present when Slack settings are: `npm start` serves Slack. */
    slack?: SlackSettings;
    /** Present when MicrosoftAppId (or FLOWPILOT_TEAMS_ALLOW_ANONYMOUS=true) is: `npm start` serves Teams. */
    teams?: TeamsSettings;
  };

/** Parses the environment; throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`invalid setting ${name}: ${issue.message}`);
  }
  const c = parsed.data;
  try {
    const core = coreSettings.read(c);
    const psa = psaEnvironment.read(c);
    const slack = slackSettings(c, core.encryptionKey !== undefined);
    const teams = teamsSettings(c);
    return { ...core, ...psa, slack, teams };
  } catch (err) {
    if (err instanceof InvalidSettingError) throw new ConfigError(err.message);
    throw err;
  }
}
