import { isClosed } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { SessionDeps } from "./deps.ts";
import type { SessionInfo, StoredUpdate } from "./types.ts";

/** A finished session has nothing left to remind about. */
export function assertCanRemind(session: SessionInfo): void {
  if (isClosed(session.status))
    throw new FlowPilotError(
      "conflict",
      `This session is ${session.status}; there is nothing left to remind you about.`,
    );
}

/**
 * Schedules a reminder to send the next update for this update's audience,
 * `minutes` from `now`, for the engineer who asked (named and mentioned when
 * it fires). A finished session has nothing left to remind about.
 */
export async function scheduleReminder(
  deps: Pick<SessionDeps, "store">,
  input: {
    session: SessionInfo;
    update: StoredUpdate;
    minutes: number;
    now: Date;
    requestedBy: string;
    requestedByUserId?: string;
  },
): Promise<{ reminderId: string; remindAt: Date }> {
  const { session, update } = input;
  assertCanRemind(session);
  const remindAt = new Date(input.now.getTime() + input.minutes * 60_000);
  const reminderId = await deps.store.createReminder(session.id, {
    remindAt,
    audience: update.audience,
    updateId: update.id,
    requestedBy: input.requestedBy,
    requestedByUserId: input.requestedByUserId,
  });
  await deps.store.patchUpdate(update.id, { delivery: { ...update.delivery, reminder_step_id: reminderId } });
  return { reminderId, remindAt };
}
