import { intakeField } from "../engine/intake/intake-text.ts";
import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";

/** Longest ticket summary kept (from the engineer or the PSA). */
export const MAX_SUMMARY = 300;

/**
 * On a connected account, fills the ticket's summary, company and contact
 * from the PSA; what the engineer typed wins. A PSA outage or an unknown
 * ticket never blocks the session: it starts with what was given, and the
 * notice says why nothing was filled in.
 */
export async function withTicketDetails(
  deps: Pick<SessionDeps, "tickets" | "logger">,
  accountId: string,
  input: { ticketId: string; summary?: string; client?: string; contact?: string },
): Promise<{ summary?: string; client?: string; contact?: string; notice?: string }> {
  const given = { summary: input.summary, client: input.client, contact: input.contact };
  if (!deps.tickets || !(await deps.tickets.isConnected(accountId))) return given;
  try {
    const ticket = await deps.tickets.lookup(accountId, input.ticketId);
    if (!ticket)
      return {
        ...given,
        notice: `Ticket ${input.ticketId} was not found in the PSA, so nothing was filled in from it. Check the number: Post to Ticket needs an existing ticket.`,
      };
    // Ticket fields come from outside like typed text: they pass the same intake.
    return {
      summary: input.summary ?? (await intakeField(ticket.summary?.slice(0, MAX_SUMMARY))),
      client: input.client ?? (await intakeField(ticket.company)),
      contact: input.contact ?? (await intakeField(ticket.contact)),
    };
  } catch (err) {
    deps.logger?.warn(
      { ticketId: input.ticketId, code: (err as FlowPilotError).code },
      "ticket lookup failed",
    );
    const reason = err instanceof FlowPilotError ? ` (${err.userMessage})` : "";
    return {
      ...given,
      notice: `Could not read ticket ${input.ticketId} from the PSA${reason}; the session started with what you typed.`,
    };
  }
}
