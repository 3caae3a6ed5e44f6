/** A status update needs at least this many recorded messages (spec: Edge Cases, "2 message exchanges"). */
export const MIN_MESSAGES_FOR_UPDATE = 2;

/** The longest reminder anyone can set, by command, button or custom entry: 7 days. */
export const MAX_REMINDER_MINUTES = 7 * 24 * 60;

/** Longest message recorded into a session; longer ones are refused with a message, never cut silently. */
export const MAX_MESSAGE_CHARS = 40_000;

/**
 * What one session may hold: every request that reads a session (an update,
 * a GET) stays bounded, so one account cannot stall everyone's requests.
 */
export const MAX_SESSION_MESSAGES = 5_000;
export const MAX_SESSION_TEXT_CHARS = 4_000_000;
