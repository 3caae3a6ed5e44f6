import type { SessionFacts } from "../../engine/context/session-facts.ts";
import type { SessionSnapshot } from "../../engine/types.ts";
import type { SessionInfo } from "../types.ts";
import type { SessionOverview } from "./types.ts";

/** A session as the API reports it: stored fields plus what the engine infers from the timeline. */
export function sessionOverview(
  session: SessionInfo,
  snapshot: SessionSnapshot,
  facts: SessionFacts,
): SessionOverview {
  return {
    id: session.id,
    ticketId: session.ticketId,
    ticketSummary: session.ticketSummary,
    clientCompany: session.clientCompany,
    clientContact: session.clientContact,
    engineerName: snapshot.engineer.name ?? null,
    status: snapshot.status,
    sessionStatus: facts.status,
    startedAt: session.startedAt,
    messageCount: snapshot.messages.length,
    updatesCount: snapshot.previousUpdates.length,
    timeSpentMinutes: facts.timeSpentMinutes,
    resolutionSummary: snapshot.resolutionSummary ?? null,
    escalationReason: snapshot.escalationReason ?? null,
  };
}
