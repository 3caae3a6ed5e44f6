import type { SessionStatus } from "./enums.ts";

/** A resolved or escalated session: its timeline is closed, reminders stop, updates still work. */
export function isClosed(status: SessionStatus): boolean {
  return status === "resolved" || status === "escalated";
}
