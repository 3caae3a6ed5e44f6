import type { ChatRuntime } from "../adapters/chat-runtime.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../engine/conversation/context.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Seams for tests at the network edge we do not own; production passes none. */
export type ChatRuntimeOverrides = {};

/** The chat platforms whose settings are present, each as a runtime for the shared server. */
export function createChatRuntimes(
  config: Config,
  _deps: { prisma: PrismaClient; logger: Logger; overrides?: ChatRuntimeOverrides },
): ChatRuntime[] {
  const runtimes: ChatRuntime[] = [];
  if (config.slack) throw new Error("Slack runtime: wiring lands with src/adapters/slack");
  if (config.teams) throw new Error("Teams runtime: wiring lands with src/adapters/teams");
  return runtimes;
}
