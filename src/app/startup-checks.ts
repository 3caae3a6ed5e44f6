import { checkSlackCredentials } from "../adapters/slack/credentials-check.ts";
import { checkTeamsCredentials } from "../adapters/teams/credentials-check.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../domain/index.ts";

/**
 * Checks every configured chat platform's credentials against the platform
 * before FlowPilot opens its database or listens: a refused token or an
 * unreachable Slack throws StartupCheckError (one line). The checks run
 * together; the first failure cancels the others, so nothing is left
 * waiting on the network once start-up has failed.
 */
export async function checkChatPlatforms(
  config: Pick<Config, "slack" | "teams">,
  options: { logger: Logger; signal?: AbortSignal },
): Promise<void> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const checks: Promise<void>[] = [];
  if (config.slack) checks.push(checkSlackCredentials(config.slack, { logger: options.logger, signal }));
  if (config.teams) checks.push(checkTeamsCredentials(config.teams, { logger: options.logger, signal }));
  try {
    await Promise.all(checks);
  } catch (err) {
    controller.abort();
    await Promise.allSettled(checks);
    throw err;
  }
}
