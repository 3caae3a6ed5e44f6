import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";
import type { SessionInfo } from "./types.ts";

/** Pauses an active session (state only; chat and the REST API present it their own way). */
export async function applyPause(deps: Pick<SessionDeps, "store">, session: SessionInfo, reason?: string) {
  if (session.status !== "active")
    throw new FlowPilotError(
      "conflict",
      `This session is ${session.status}; only an active session can be paused.`,
    );
  await deps.store.pauseSession(session.id, reason);
}

/** Resumes a paused session (state only). */
export async function applyResume(deps: Pick<SessionDeps, "store">, session: SessionInfo) {
  if (session.status !== "paused")
    throw new FlowPilotError("conflict", `This session is ${session.status}, not paused.`);
  await deps.store.resumeSession(session.id);
}
