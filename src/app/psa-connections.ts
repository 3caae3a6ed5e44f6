import { loadPsaConnection } from "../db/psa-connections.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { environmentConnection } from "../psa/providers.ts";
import { type ConnectionSource, createTicketPort } from "../psa/ticket-poster.ts";
import type { Config } from "./config.ts";

/**
 * An account's PSA connection: the one an admin stored for it
 * (`flowpilot psa connect`), else the environment's (CONNECTWISE_* …),
 * which connects every account of a single-MSP install.
 */
export function connectionSource(prisma: PrismaClient, config: Config): ConnectionSource {
  return async (accountId) =>
    (await loadPsaConnection(prisma, accountId, config.encryptionKey)) ?? environmentConnection(config);
}

export function createTicketPoster(prisma: PrismaClient, config: Config) {
  return createTicketPort(connectionSource(prisma, config), { timeoutMs: config.psaTimeoutMs });
}
