import { checkPersonName } from "../../domain/index.ts";
import { parseConsoleLine } from "./parse.ts";

/** Asked when neither FLOWPILOT_ENGINEER_NAME, the database nor the system knows the engineer's name. */
export const NAME_QUESTION = "Your name, as it should sign client updates and emails (asked once): ";
/** How many answers that cannot be a name are refused before the console goes on without one. */
const NAME_ATTEMPTS = 3;

/**
 * Asks the engineer at the keyboard for their full name: an answer that
 * cannot be one (a command, a number, an address, nothing) is refused with
 * one line saying why, and asked again a few times. Returns the name,
 * undefined without one, or "quit" for /quit (the console's way out, here too).
 */
export async function askEngineerName(
  next: (prompt: string) => Promise<string | undefined>,
  write: (line: string) => void,
): Promise<string | undefined | "quit"> {
  for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
    const typed = await next(NAME_QUESTION);
    if (typed === undefined) return undefined;
    if (parseConsoleLine(typed).kind === "quit") return "quit";
    const check = checkPersonName(typed);
    if (check.ok) return check.name;
    write(attempt < NAME_ATTEMPTS ? `${check.reason} Type your full name.` : check.reason);
  }
  write(
    'No name set, so sign-offs read "Your support team". Set it with /flowpilot name <your full name> (or FLOWPILOT_ENGINEER_NAME).',
  );
  return undefined;
}
