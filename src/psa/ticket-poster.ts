import type { ConnectWiseSettings } from "../config.ts";
import type { TicketPort } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import { type ConnectWiseClientOptions, createConnectWiseClient } from "./connectwise/client.ts";
import type { PsaClient } from "./types.ts";

/** Where an account's PSA connection comes from (the database, then the environment). */
export type ConnectionSource = (accountId: string) => Promise<ConnectWiseSettings | null>;

/**
 * The engine's TicketPort on top of the accounts' PSA connections: each
 * call uses the account's own connection, so one account never posts with
 * another's credentials.
 */
export function createPsaTicketPoster(
  connections: ConnectionSource,
  options: ConnectWiseClientOptions,
): TicketPort {
  async function requireClient(accountId: string): Promise<PsaClient> {
    const settings = await connections(accountId);
    if (!settings) throw new FlowPilotError("psa_not_connected", "No PSA is connected for this workspace.");
    return createConnectWiseClient(settings, options);
  }

  return {
    isConnected: async (accountId) => (await connections(accountId)) !== null,
    lookup: async (accountId, ticketId) => (await requireClient(accountId)).getTicket(ticketId),
    post: async (accountId, note) => (await requireClient(accountId)).postNote(note),
    findMember: async (accountId, query) => (await requireClient(accountId)).findMember(query),
  };
}
