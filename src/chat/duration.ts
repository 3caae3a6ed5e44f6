import { MAX_REMINDER_MINUTES } from "../domain/limits.ts";

/**
 * Minutes in a typed duration: "45", "45m", "45 min", "1h", "1h30m", "1.5 hours", "2 hrs".
 * Undefined when it cannot be read or is outside 1 minute .. 7 days.
 */
export function parseDuration(input: string): number | undefined {
  const text = input.trim().toLowerCase();
  let minutes: number;
  if (/^\d+(?:\.\d+)?$/.test(text)) minutes = Number(text);
  else {
    const m =
      /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+)\s*(?:m|min|mins|minute|minutes))?$/.exec(
        text,
      );
    if (!m || (!m[1] && !m[2])) return undefined;
    minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  }
  minutes = Math.round(minutes);
  return minutes >= 1 && minutes <= MAX_REMINDER_MINUTES ? minutes : undefined;
}
