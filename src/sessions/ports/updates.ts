import type { StatusUpdateStepContent } from "../steps.ts";
import type { StoredUpdate } from "../types.ts";

/** The updates written from a session, with their delivery state. */
export interface UpdateStore {
  /** Stores an update; returns it as stored. */
  recordUpdate(sessionId: string, content: StatusUpdateStepContent): Promise<StoredUpdate>;
  getUpdate(sessionId: string, updateId: string): Promise<StoredUpdate | null>;
  patchUpdate(updateId: string, patch: Partial<StatusUpdateStepContent>): Promise<StoredUpdate>;
  /**
   * The session's updates, oldest first; with a page, the `limit` that follow
   * update `after` (an id from an earlier page; another is invalid_input).
   */
  listUpdates(sessionId: string, page?: { after?: string; limit: number }): Promise<StoredUpdate[]>;
}
