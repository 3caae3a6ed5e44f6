import type { Audience, PlatformKind } from "../../domain/index.ts";
import type { ClaimedReminder, StoredReminder } from "../types.ts";

/** Reminders to send the next update, and their delivery across processes. */
export interface ReminderStore {
  createReminder(
    sessionId: string,
    reminder: {
      remindAt: Date;
      audience: Audience;
      updateId?: string;
      requestedBy?: string;
      /** The requester's platform user id: the reminder mentions them. */
      requestedByUserId?: string;
    },
  ): Promise<string>;
  listPendingReminders(sessionId: string): Promise<StoredReminder[]>;
  cancelPendingReminders(sessionId: string, reason: string): Promise<number>;
  /** Atomically marks due pending reminders of one platform fired and returns them: each once, across processes. */
  claimDueReminders(now: Date, limit: number, platform: PlatformKind): Promise<ClaimedReminder[]>;
  /** The claimed reminder was shown. */
  markReminderFired(reminderId: string, at: Date): Promise<void>;
  /** Showing the claimed reminder failed: try again from `retryAt`. */
  retryReminder(reminderId: string, retryAt: Date, error: string): Promise<void>;
}
