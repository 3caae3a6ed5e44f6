import { FlowPilotError } from "../../errors.ts";
import { findSession } from "../find.ts";
import type { SessionInfo } from "../types.ts";
import type { ApiCaller, ApiDeps } from "./types.ts";

/** Requested-by for work done on a session whose engineer is unknown. */
const API_USER_NAME = "API";

export const nowFor = (deps: ApiDeps): Date => (deps.clock ?? (() => new Date()))();

/** The caller's session; another account's session is not found, exactly like an unknown id. */
export async function requireSession(
  deps: ApiDeps,
  caller: ApiCaller,
  sessionId: string,
): Promise<SessionInfo> {
  const session = await findSession(deps, caller.account.id, sessionId);
  if (!session) throw new FlowPilotError("not_found", `There is no session ${quoteId(sessionId)}.`);
  return session;
}

/** Who an update written through the API is attributed to: the session's engineer, else "API". */
export function requestedByFor(session: SessionInfo): string {
  return session.engineerName ?? API_USER_NAME;
}

/** An id as error messages quote it: a short prefix, so a 10,000-character id is not echoed back. */
export function quoteId(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}
