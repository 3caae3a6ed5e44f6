import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import { ErrorCode, WebClient } from "@slack/web-api";
import type { SlackSettings } from "../../config.ts";
import type { Logger } from "../../domain/index.ts";
import { displayUrl, networkCause, STARTUP_CHECK_TIMEOUT_MS, StartupCheckError } from "../startup-check.ts";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** Slack errors that say the service, not the token, is in trouble. */
const SLACK_OUTAGE_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/**
 * Asks Slack, before anything else starts, whether the tokens work:
 * `auth.test` with SLACK_BOT_TOKEN, `apps.connections.open` with
 * SLACK_APP_TOKEN (Socket Mode). A refused token or an unreachable Slack
 * throws StartupCheckError naming the setting or the API URL. OAuth installs
 * without SLACK_BOT_TOKEN have no bot token to check here.
 */
export async function checkSlackCredentials(
  settings: SlackSettings,
  options: { logger: Logger; signal?: AbortSignal },
): Promise<void> {
  const apiUrl = settings.apiUrl ? withTrailingSlash(settings.apiUrl) : DEFAULT_SLACK_API_URL;
  const shownUrl = shownSlackApiUrl(settings);
  const client = (token: string) =>
    new WebClient(token, {
      slackApiUrl: apiUrl,
      // One quick retry for a blip; a start-up that waits minutes for Slack helps nobody.
      retryConfig: { retries: 1, factor: 2, minTimeout: 250, maxTimeout: 500 },
      rejectRateLimitedCalls: true,
      timeout: STARTUP_CHECK_TIMEOUT_MS,
      logger: silent(),
      fetch: (url, init) =>
        fetch(url, {
          ...init,
          signal:
            init?.signal && options.signal
              ? AbortSignal.any([init.signal, options.signal])
              : (init?.signal ?? options.signal),
        }),
    });
  const check = async (setting: string, method: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === ErrorCode.RateLimitedError) {
        options.logger.warn(
          { platform: "slack", method },
          "slack: rate limited at start-up; token not checked",
        );
        return;
      }
      throw describeFailure(err, { setting, method, apiUrl: shownUrl });
    }
  };
  if (settings.botToken) {
    const token = settings.botToken;
    await check("SLACK_BOT_TOKEN", "auth.test", () => client(token).auth.test());
  }
  if (settings.appToken) {
    const token = settings.appToken;
    await check("SLACK_APP_TOKEN", "apps.connections.open", () => client(token).apps.connections.open());
  }
}

/** One line for a failed Web API call at start-up: which setting Slack refused, or that Slack is out of reach. */
export function describeFailure(
  err: unknown,
  at: { setting: string; method: string; apiUrl: string },
): StartupCheckError {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; original?: unknown };
  if (e.code === ErrorCode.PlatformError) {
    const error = String(e.data?.error ?? "unknown_error");
    if (SLACK_OUTAGE_ERRORS.has(error))
      return new StartupCheckError(
        `Slack could not be used at ${at.apiUrl} (${at.method}: ${error})`,
        "unreachable",
      );
    return new StartupCheckError(`Slack refused ${at.setting} (${at.method}: ${error})`, "refused");
  }
  if (e.code === ErrorCode.HTTPError)
    return new StartupCheckError(
      `Slack could not be reached at ${at.apiUrl} (${at.method}: HTTP ${e.statusCode})`,
      "unreachable",
    );
  return new StartupCheckError(
    `Slack could not be reached at ${at.apiUrl} (${at.method}: ${networkCause(e.original ?? err)})`,
    "unreachable",
  );
}

const withTrailingSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

/** The Web API base URL as messages show it. */
export function shownSlackApiUrl(settings: SlackSettings): string {
  return displayUrl(settings.apiUrl ? withTrailingSlash(settings.apiUrl) : DEFAULT_SLACK_API_URL);
}

/** The check's own calls log nothing: its outcome is the one line start-up prints. */
function silent(): SlackLogger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    setLevel: () => undefined,
    getLevel: () => LogLevel.ERROR,
    setName: () => undefined,
  };
}
