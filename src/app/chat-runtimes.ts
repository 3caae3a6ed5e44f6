import type { ChatRuntime } from "../adapters/chat-runtime.ts";
import { createSlackRuntime } from "../adapters/slack/index.ts";
import { createTeamsRuntime, type TeamsRuntimeOverrides } from "../adapters/teams/index.ts";
import type { Config } from "../config.ts";
import { createSlackInstallationStore } from "../db/slack-installations.ts";
import type { Logger } from "../domain/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Seams for tests at the network edge we do not own; production passes none. */
export type ChatRuntimeOverrides = {
  /** Slack: a shorter Web API retry policy, and the clock signatures are checked against. */
  slack?: { retries?: number; now?: () => number };
  teams?: TeamsRuntimeOverrides;
};

/** The chat platforms whose settings are present, each as a runtime for the shared server. */
export function createChatRuntimes(
  config: Config,
  deps: { prisma: PrismaClient; logger: Logger; overrides?: ChatRuntimeOverrides },
): ChatRuntime[] {
  const runtimes: ChatRuntime[] = [];
  if (config.slack)
    runtimes.push(
      createSlackRuntime(config.slack, {
        logger: deps.logger,
        installations:
          config.slack.oauth && config.encryptionKey
            ? createSlackInstallationStore(deps.prisma, config.encryptionKey)
            : undefined,
        retries: deps.overrides?.slack?.retries,
        now: deps.overrides?.slack?.now,
      }),
    );
  if (config.teams)
    runtimes.push(
      createTeamsRuntime(config.teams, { logger: deps.logger, overrides: deps.overrides?.teams }),
    );
  return runtimes;
}
