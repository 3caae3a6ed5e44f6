import { createInterface } from "node:readline";
import { z } from "zod";
import { createIntentRecognizer, type IntentRecognizer } from "../../intents/index.ts";
import { intentLlmSettings } from "../../llm/settings.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

/** Lines classified at once in --jsonl mode (only matters when the model is asked). */
const IN_FLIGHT = 8;

const lineSchema = z.object(
  { text: z.string({ error: "must be a string" }).trim().min(1, "must be a non-empty string") },
  { error: "expected a JSON object" },
);

export async function classify(io: CliIo, words: string[], flags: { jsonl?: boolean }): Promise<void> {
  const text = words.join(" ").trim();
  if (flags.jsonl && text) throw new UsageError("classify takes either a message or --jsonl, not both");
  if (!flags.jsonl && !text) {
    throw new UsageError(
      'classify needs a message, e.g. flowpilot classify "quick update for the client" (or --jsonl)',
    );
  }
  const recognizer = createIntentRecognizer({ llm: intentLlmSettings(loadCliConfig(io.env).llm) });
  if (text) {
    io.stdout.write(`${JSON.stringify(await recognizer.recognize(text))}\n`);
    return;
  }
  await classifyLines(io, recognizer);
}

async function classifyLines(io: CliIo, recognizer: IntentRecognizer): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: Promise<string>[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    pending.push(classifyLine(recognizer, line, lineNumber));
    // Results are written in input order; at most IN_FLIGHT lines are waited on at once.
    if (pending.length >= IN_FLIGHT) io.stdout.write(`${await pending.shift()!}\n`);
  }
  for (const result of pending) io.stdout.write(`${await result}\n`);
}

async function classifyLine(recognizer: IntentRecognizer, line: string, lineNumber: number): Promise<string> {
  if (!line.trim()) return JSON.stringify({ line: lineNumber, error: "empty line" });
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ line: lineNumber, error: "not valid JSON" });
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `field "${issue.path.join(".")}" ` : "";
    const missing =
      issue.code === "invalid_type" &&
      issue.path[0] === "text" &&
      (json as { text?: unknown }).text === undefined;
    return JSON.stringify({
      line: lineNumber,
      error: missing ? 'missing "text" field' : `${where}${issue.message}`,
    });
  }
  return JSON.stringify(await recognizer.recognize(parsed.data.text));
}
