import type { Config } from "../config.ts";
import { loadConnectWiseConnection } from "../db/psa-connections.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ConnectionSource } from "../psa/ticket-poster.ts";
import { createPsaTicketPoster } from "../psa/ticket-poster.ts";

/**
 * An account's PSA connection: the one an admin stored for it
 * (`flowpilot psa connect`), else the CONNECTWISE_* environment, which
 * connects every account of a single-MSP install.
 */
export function connectionSource(prisma: PrismaClient, config: Config): ConnectionSource {
  return async (accountId) =>
    (await loadConnectWiseConnection(prisma, accountId, config.encryptionKey)) ?? config.connectwise ?? null;
}

export function createTicketPoster(prisma: PrismaClient, config: Config) {
  return createPsaTicketPoster(connectionSource(prisma, config), { timeoutMs: config.psaTimeoutMs });
}
