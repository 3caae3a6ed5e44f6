import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot classify "text"` and `flowpilot classify --jsonl < lines.jsonl`. */
export function registerClassify(program: Command, io: CliIo): void {
  program
    .command("classify")
    .description("tell whether a chat message asks for a status update (prints JSON)")
    .argument("[text...]", 'the message, e.g. "quick update for the client"')
    .option("--jsonl", 'read JSON lines with a "text" field on stdin, write one result line per input line')
    .action(async (words: string[], flags: { jsonl?: boolean }) =>
      (await import("../handlers/classify.ts")).classify(io, words, flags),
    );
}
