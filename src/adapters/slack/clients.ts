import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackSettings } from "../../config.ts";
import type { Logger } from "../../engine/conversation/context.ts";
import { FlowPilotError } from "../../errors.ts";
import type { SlackInstallationStore } from "./types.ts";

/** What Bolt's `authorize` and our surface need to act in one workspace. */
export interface SlackAuthorization {
  botToken: string;
  botId?: string;
  botUserId?: string;
  teamId: string;
}

export interface SlackClients {
  /** The bot token and identity for a workspace; throws when the app is not installed there. */
  authorize(teamId: string): Promise<SlackAuthorization>;
  /** A Web API client with that workspace's bot token. */
  forTeam(teamId: string): Promise<WebClient>;
  /** Web API options shared by every client (base URL, retry policy). */
  readonly options: WebClientOptions;
}

/**
 * A short retry policy: the Web API client's default can keep one call
 * retrying for about half an hour. 429s wait for Retry-After (the client
 * pauses its queue), 5xx and network errors are retried twice within ~3 s.
 */
export function webClientOptions(settings: SlackSettings, logger: Logger, retries = 2): WebClientOptions {
  return {
    slackApiUrl: settings.apiUrl ? withTrailingSlash(settings.apiUrl) : undefined,
    retryConfig: { retries, factor: 2, minTimeout: 250, maxTimeout: 2_000, randomize: true },
    rejectRateLimitedCalls: false,
    timeout: 10_000,
    logger: slackLogger(logger),
    logLevel: LogLevel.WARN,
  };
}

const withTrailingSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

/**
 * Bot tokens per workspace: the single-workspace token (SLACK_BOT_TOKEN,
 * its bot user learnt once from auth.test) or an OAuth installation.
 */
export function createSlackClients(
  settings: SlackSettings,
  logger: Logger,
  installations: SlackInstallationStore | undefined,
  retries?: number,
): SlackClients {
  const options = webClientOptions(settings, logger, retries);
  const clients = new Map<string, WebClient>();
  const client = (token: string) => {
    let c = clients.get(token);
    if (!c) {
      c = new WebClient(token, options);
      clients.set(token, c);
    }
    return c;
  };
  let single: Promise<SlackAuthorization> | undefined;

  async function authorize(teamId: string): Promise<SlackAuthorization> {
    const installed = installations ? await installations.find(teamId) : null;
    if (installed)
      return {
        botToken: installed.botToken,
        botId: installed.botId,
        botUserId: installed.botUserId,
        teamId,
      };
    if (!settings.botToken)
      throw new FlowPilotError(
        "forbidden",
        "FlowPilot is not installed in this workspace. Install it from the app's /slack/install page.",
      );
    const token = settings.botToken;
    single ??= client(token)
      .auth.test()
      .then((r) => ({
        botToken: token,
        botId: r.bot_id,
        botUserId: r.user_id,
        teamId: r.team_id ?? teamId,
      }))
      .catch((err) => {
        single = undefined;
        throw err;
      });
    const auth = await single;
    return { ...auth, teamId };
  }

  return {
    authorize,
    forTeam: async (teamId) => client((await authorize(teamId)).botToken),
    options,
  };
}

/** Bolt and the Web API client log through ours (pino), at warn and above; tokens never appear in them. */
export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : String(a))).join(" ");
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...args) => logger.warn({ slack: true }, text(args)),
    error: (...args) => logger.error({ slack: true }, text(args)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
