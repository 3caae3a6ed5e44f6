/** How often an answer that could not be used (a custom reminder such as "soon") is asked for again. */
const INPUT_ATTEMPTS = 3;

/**
 * Asks for the text a choice or a command needs and runs it with the
 * answer: the next line is the answer, never a session message. An answer
 * the step rejects is asked for again a few times; an empty one cancels.
 * True when the step ran to completion.
 */
export async function askForInput(
  what: { label: string; prompt: string; retry: string },
  io: { readInput: () => Promise<string | undefined>; write: (line: string) => void },
  run: (input: string) => Promise<{ status: string }>,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    io.write(what.prompt);
    const input = (await io.readInput())?.trim();
    if (!input) {
      io.write(`Nothing entered; ${what.label} cancelled.`);
      return false;
    }
    const outcome = await run(input);
    if (outcome.status !== "input_rejected") return outcome.status === "done";
    if (attempt === INPUT_ATTEMPTS) {
      io.write(`${what.label} cancelled after ${INPUT_ATTEMPTS} tries; ${what.retry} to try again.`);
      return false;
    }
    io.write("Try again, or press Enter to cancel.");
  }
}
