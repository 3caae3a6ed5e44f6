import type { TicketPort } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { ConnectWiseSettings } from "./connectwise/settings.ts";
import { type PsaClientOptions, type PsaConnection, psaClient } from "./providers.ts";
import type { PsaClient } from "./types.ts";

/** Where an account's PSA connection comes from (the database, then the environment). */
export type ConnectionSource = (accountId: string) => Promise<PsaConnection | null>;

/**
 * The engine's TicketPort on top of the accounts' PSA connections, whatever
 * their provider: each call uses the account's own connection, so one
 * account never posts with another's credentials.
 */
export function createTicketPort(connections: ConnectionSource, options: PsaClientOptions): TicketPort {
  async function requireClient(accountId: string): Promise<PsaClient> {
    const connection = await connections(accountId);
    if (!connection) throw new FlowPilotError("psa_not_connected", "No PSA is connected for this workspace.");
    return psaClient(connection, options);
  }

  return {
    isConnected: async (accountId) => (await connections(accountId)) !== null,
    lookup: async (accountId, ticketId) => (await requireClient(accountId)).getTicket(ticketId),
    post: async (accountId, note) => (await requireClient(accountId)).postNote(note),
    findMember: async (accountId, query) => (await requireClient(accountId)).findMember(query),
  };
}

/** The TicketPort over ConnectWise settings alone (one site for every account it is asked about). */
export function createPsaTicketPoster(
  settings: (accountId: string) => Promise<ConnectWiseSettings | null>,
  options: PsaClientOptions,
): TicketPort {
  return createTicketPort(async (accountId) => {
    const found = await settings(accountId);
    return found ? { provider: "connectwise", settings: found } : null;
  }, options);
}
