/**
 * What happens to an update once it is stored: found again, checked to be
 * the newest (older ones are history), copied, rated, edited, listed with
 * their reminders. Posting it to the ticket is post-to-ticket.ts.
 */
import { FlowPilotError } from "../errors.ts";
import type { ReminderStore, UpdateStore } from "./ports/index.ts";
import type { SessionInfo, StoredUpdate } from "./types.ts";

/** The session's update with this id, or null (unknown, or another session's). */
export async function findUpdate(
  deps: { store: UpdateStore },
  session: SessionInfo,
  updateId: string | undefined,
): Promise<StoredUpdate | null> {
  return updateId ? deps.store.getUpdate(session.id, updateId) : null;
}

/** The session's newest update, or undefined before the first. */
export async function latestUpdate(
  deps: { store: UpdateStore },
  session: SessionInfo,
): Promise<StoredUpdate | undefined> {
  return (await deps.store.listUpdates(session.id)).at(-1);
}

/** Regenerate, switch and edit act on the newest update only; an older one is history. */
export async function requireLatest(
  deps: { store: UpdateStore },
  session: SessionInfo,
  update: StoredUpdate,
): Promise<void> {
  const latest = await latestUpdate(deps, session);
  if (latest && latest.id !== update.id) {
    throw new FlowPilotError(
      "expired_action",
      "That update is outdated: a newer one has been generated since. Use the buttons on the newest update, or /flowpilot history.",
    );
  }
}

/** Copy: the update is marked copied now; returns it as stored. */
export function markCopied(deps: { store: UpdateStore }, update: StoredUpdate, now: Date) {
  return deps.store.patchUpdate(update.id, {
    delivery: { ...update.delivery, copied_at: now.toISOString() },
  });
}

/** 👍 / 👎: the rating is stored unless it is already the update's; says what it was before. */
export async function rateUpdate(
  deps: { store: UpdateStore },
  update: StoredUpdate,
  feedback: "up" | "down",
): Promise<{ changed: boolean; before: StoredUpdate["feedback"] }> {
  const before = update.feedback;
  if (before === feedback) return { changed: false, before };
  await deps.store.patchUpdate(update.id, { feedback });
  return { changed: true, before };
}

/**
 * Replaces an update's text with the engineer's own; Copy and Post to Ticket
 * use it from then on, and the generated text stays in the history.
 */
export function editUpdateText(
  deps: { store: UpdateStore },
  update: StoredUpdate,
  text: string,
): Promise<StoredUpdate> {
  return deps.store.patchUpdate(update.id, { final_content: text.trim() });
}

/** The session's updates, oldest first, each with whether a reminder for it is still pending. */
export async function updateHistory(
  deps: { store: UpdateStore & ReminderStore },
  session: SessionInfo,
): Promise<{ update: StoredUpdate; reminderPending: boolean }[]> {
  const [updates, reminders] = await Promise.all([
    deps.store.listUpdates(session.id),
    deps.store.listPendingReminders(session.id),
  ]);
  const pendingFor = new Set(reminders.map((r) => r.update_step_id).filter(Boolean));
  return updates.map((update) => ({ update, reminderPending: pendingFor.has(update.id) }));
}
