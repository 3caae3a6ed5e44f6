/** A status update needs at least this many recorded messages (spec: Edge Cases, "2 message exchanges"). */
export const MIN_MESSAGES_FOR_UPDATE = 2;

/** The longest reminder anyone can set, by command, button or custom entry: 7 days. */
export const MAX_REMINDER_MINUTES = 7 * 24 * 60;

/** Longest message recorded into a session; longer ones are refused with a message, never cut silently. */
export const MAX_MESSAGE_CHARS = 40_000;
