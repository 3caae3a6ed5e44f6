/** The platform-neutral service behind the REST API: plain data in, plain data out. */
export { authenticate } from "./auth.ts";
export { addMessages, MAX_MESSAGES_PER_CALL } from "./messages.ts";
export {
  type ClosedSession,
  createSession,
  escalateSession,
  getSession,
  pauseSession,
  resolveSession,
  resumeSession,
} from "./sessions.ts";
export type * from "./types.ts";
export { generateUpdate, listUpdates, MAX_UPDATES_PER_PAGE, postUpdateToTicket } from "./updates.ts";
