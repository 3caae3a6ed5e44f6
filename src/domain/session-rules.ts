import { AUDIENCE_TRAITS } from "./audiences.ts";
import type { Audience, NoteVisibility, SessionStatus } from "./enums.ts";

/** A resolved or escalated session: its timeline is closed, reminders stop, updates still work. */
export function isClosed(status: SessionStatus): boolean {
  return status === "resolved" || status === "escalated";
}

/** Which note visibility an audience posts as (spec: Post to Ticket details); email drafts are not posted. */
export function postVisibility(audience: Audience): NoteVisibility | null {
  return AUDIENCE_TRAITS[audience].postsAs;
}
