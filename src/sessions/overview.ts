import { readSessionWithAccount, type Wait } from "../engine/account/index.ts";
import type { InferredStatus, SessionStatus } from "../engine/types.ts";
import type { MessageStore } from "./ports/index.ts";
import type { SessionInfo } from "./types.ts";

/** A session as chat's header and the REST API show it: stored fields plus what the engine reads from its timeline. */
export interface SessionOverview {
  id: string;
  ticketId: string | null;
  ticketSummary: string | null;
  clientCompany: string | null;
  clientContact: string | null;
  engineerName: string | null;
  status: SessionStatus;
  /** The troubleshooting progress inferred from the messages. */
  sessionStatus: InferredStatus;
  /** What the work waits on now (the client and who, a vendor, a colleague, a process), read from the messages. */
  waitingOn: Wait | null;
  startedAt: Date;
  messageCount: number;
  updatesCount: number;
  timeSpentMinutes: number;
  resolutionSummary: string | null;
  escalationReason: string | null;
}

/** Reads the session's timeline (as of `now`) into its overview. */
export async function readSession(
  deps: { store: MessageStore },
  session: SessionInfo,
  now: Date,
): Promise<SessionOverview> {
  const snapshot = await deps.store.loadSnapshot(session.id, now);
  const { facts, account } = await readSessionWithAccount(snapshot);
  return {
    id: session.id,
    ticketId: session.ticketId,
    ticketSummary: session.ticketSummary,
    clientCompany: session.clientCompany,
    clientContact: session.clientContact,
    engineerName: snapshot.engineer.name ?? null,
    status: snapshot.status,
    sessionStatus: facts.status,
    waitingOn: account.waitingOn,
    startedAt: session.startedAt,
    messageCount: snapshot.messages.length,
    updatesCount: snapshot.previousUpdates.length,
    timeSpentMinutes: facts.timeSpentMinutes,
    resolutionSummary: snapshot.resolutionSummary ?? null,
    escalationReason: snapshot.escalationReason ?? null,
  };
}
