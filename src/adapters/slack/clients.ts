import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackSettings } from "../../config.ts";
import type { Logger, SlackInstallationStore } from "../../domain/index.ts";
import { FlowPilotError } from "../../errors.ts";

/** What Bolt's `authorize` and our surface need to act in one workspace. */
export interface SlackAuthorization {
  botToken: string;
  botId?: string;
  botUserId?: string;
  teamId: string;
}

/**
 * An event from a workspace FlowPilot has no token for: no OAuth installation
 * for its team, and not the team SLACK_BOT_TOKEN belongs to.
 */
export class UnknownWorkspaceError extends FlowPilotError {
  constructor(readonly refusal: string) {
    super(
      "forbidden",
      "FlowPilot is not installed in this workspace. Install it from the app's /slack/install page.",
    );
    this.name = "UnknownWorkspaceError";
  }
}

export interface SlackClients {
  /** The bot token and identity for a workspace; throws UnknownWorkspaceError when the app is not installed there. */
  authorize(teamId: string): Promise<SlackAuthorization>;
  /**
   * authorize() for an incoming event: besides, with SLACK_BOT_TOKEN, the
   * event must come from that token's workspace (or its Enterprise Grid org).
   */
  authorizeEvent(source: { teamId?: string; enterpriseId?: string }): Promise<SlackAuthorization>;
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
  let single: Promise<SlackAuthorization & { enterpriseId?: string }> | undefined;

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
      throw new UnknownWorkspaceError("unknown workspace: no installation for this team");
    const own = await ownWorkspace(settings.botToken, teamId);
    return { botToken: own.botToken, botId: own.botId, botUserId: own.botUserId, teamId };
  }

  /** SLACK_BOT_TOKEN's own workspace and bot user, learnt once from auth.test. */
  function ownWorkspace(token: string, teamId: string) {
    single ??= client(token)
      .auth.test()
      .then((r) => ({
        botToken: token,
        botId: r.bot_id,
        botUserId: r.user_id,
        teamId: r.team_id ?? teamId,
        enterpriseId: r.enterprise_id || undefined,
      }))
      .catch((err) => {
        single = undefined;
        throw err;
      });
    return single;
  }

  async function authorizeEvent(source: { teamId?: string; enterpriseId?: string }) {
    const teamId = source.teamId ?? source.enterpriseId ?? "";
    const auth = await authorize(teamId);
    if (!settings.botToken || !source.teamId || auth.botToken !== settings.botToken) return auth;
    const own = await ownWorkspace(settings.botToken, teamId);
    const sameOrg = own.enterpriseId !== undefined && own.enterpriseId === source.enterpriseId;
    if (own.teamId !== source.teamId && !sameOrg)
      throw new UnknownWorkspaceError(
        "unknown workspace: the event's team is not the workspace SLACK_BOT_TOKEN belongs to",
      );
    return auth;
  }

  return {
    authorize,
    authorizeEvent,
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
