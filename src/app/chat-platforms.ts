import type { ChatRuntime } from "../adapters/chat-runtime.ts";
import { checkSlackCredentials } from "../adapters/slack/credentials-check.ts";
import { createSlackRuntime } from "../adapters/slack/index.ts";
import { checkTeamsCredentials } from "../adapters/teams/credentials-check.ts";
import { createTeamsRuntime, type TeamsRuntimeOverrides } from "../adapters/teams/index.ts";
import { createSlackInstallationStore } from "../db/slack-installations.ts";
import { type Logger, SERVED_CHAT_PLATFORMS, type ServedChatPlatform } from "../domain/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Config } from "./config.ts";

/** Seams for tests at the network edge we do not own; production passes none. */
export type ChatRuntimeOverrides = {
  /** Slack: a shorter Web API retry policy, and the clock signatures are checked against. */
  slack?: { retries?: number; now?: () => number };
  teams?: TeamsRuntimeOverrides;
};

interface RuntimeDeps {
  prisma: PrismaClient;
  logger: Logger;
  overrides?: ChatRuntimeOverrides;
  encryptionKey?: Buffer;
}

/** One chat platform the shared server can run: where its settings are, its runtime and its start-up check. */
interface ServedPlatform<S> {
  settings(config: Config): S | undefined;
  runtime(settings: S, deps: RuntimeDeps): ChatRuntime;
  /** Its credentials against the platform: a refused token or an unreachable platform throws StartupCheckError. */
  check(settings: S, options: { logger: Logger; signal?: AbortSignal }): Promise<void>;
}

/** Every served chat platform, one entry each, keyed by the domain's platform list. */
const SERVED_PLATFORMS: { [P in ServedChatPlatform]: ServedPlatform<NonNullable<Config[P]>> } = {
  slack: {
    settings: (config) => config.slack,
    runtime: (settings, deps) =>
      createSlackRuntime(settings, {
        logger: deps.logger,
        installations:
          settings.oauth && deps.encryptionKey
            ? createSlackInstallationStore(deps.prisma, deps.encryptionKey)
            : undefined,
        retries: deps.overrides?.slack?.retries,
        now: deps.overrides?.slack?.now,
      }),
    check: checkSlackCredentials,
  },
  teams: {
    settings: (config) => config.teams,
    runtime: (settings, deps) =>
      createTeamsRuntime(settings, { logger: deps.logger, overrides: deps.overrides?.teams }),
    check: checkTeamsCredentials,
  },
};

/** The served platforms whose settings are present, in the list's order, each with its settings. */
function configured(config: Config) {
  return SERVED_CHAT_PLATFORMS.flatMap((platform) => {
    const entry = SERVED_PLATFORMS[platform] as ServedPlatform<unknown>;
    const settings = entry.settings(config);
    return settings === undefined ? [] : [{ entry, settings }];
  });
}

/** The chat platforms whose settings are present, each as a runtime for the shared server. */
export function createChatRuntimes(
  config: Config,
  deps: { prisma: PrismaClient; logger: Logger; overrides?: ChatRuntimeOverrides },
): ChatRuntime[] {
  return configured(config).map(({ entry, settings }) =>
    entry.runtime(settings, { ...deps, encryptionKey: config.encryptionKey }),
  );
}

/**
 * Checks every configured chat platform's credentials against the platform
 * before FlowPilot opens its database or listens: a refused token or an
 * unreachable Slack throws StartupCheckError (one line). The checks run
 * together; the first failure cancels the others, so nothing is left
 * waiting on the network once start-up has failed.
 */
export async function checkChatPlatforms(
  config: Config,
  options: { logger: Logger; signal?: AbortSignal },
): Promise<void> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const checks = configured(config).map(({ entry, settings }) =>
    entry.check(settings, { logger: options.logger, signal }),
  );
  try {
    await Promise.all(checks);
  } catch (err) {
    controller.abort();
    await Promise.allSettled(checks);
    throw err;
  }
}
