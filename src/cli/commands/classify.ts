import { createInterface } from "node:readline";
import type { Command } from "commander";
import { z } from "zod";
import { createIntentRecognizer, type IntentRecognizer } from "../../intents/index.ts";
import type { LlmSettings } from "../../llm/settings.ts";
import { loadCliConfig } from "../cli-config.ts";
import { UsageError } from "../usage-error.ts";

/** Intent classification must answer while the engineer waits: a short limit, whatever the writer uses. */
const INTENT_TIMEOUT_MS = 1500;
/** Lines classified at once in --jsonl mode (only matters when the model is asked). */
const IN_FLIGHT = 8;

/**
 * The model settings for `classify`: the configured ones (OPENAI_API_KEY,
 * OPENAI_BASE_URL, OPENAI_MODEL) with the intent time limit. Without a key
 * the rules decide alone.
 */
export function intentLlmSettings(llm: LlmSettings | undefined): LlmSettings | undefined {
  return llm ? { ...llm, timeoutMs: Math.min(llm.timeoutMs, INTENT_TIMEOUT_MS) } : undefined;
}

const lineSchema = z.object(
  { text: z.string({ error: "must be a string" }).trim().min(1, "must be a non-empty string") },
  { error: "expected a JSON object" },
);

/** `flowpilot classify "text"` and `flowpilot classify --jsonl < lines.jsonl`. */
export function registerClassify(program: Command): void {
  program
    .command("classify")
    .description("tell whether a chat message asks for a status update (prints JSON)")
    .argument("[text...]", 'the message, e.g. "quick update for the client"')
    .option("--jsonl", 'read JSON lines with a "text" field on stdin, write one result line per input line')
    .action(async (words: string[], flags: { jsonl?: boolean }) => {
      const text = words.join(" ").trim();
      if (flags.jsonl && text) throw new UsageError("classify takes either a message or --jsonl, not both");
      if (!flags.jsonl && !text) {
        throw new UsageError(
          'classify needs a message, e.g. flowpilot classify "quick update for the client" (or --jsonl)',
        );
      }
      const recognizer = createIntentRecognizer({ llm: intentLlmSettings(loadCliConfig().llm) });
      if (text) {
        process.stdout.write(`${JSON.stringify(await recognizer.recognize(text))}\n`);
        return;
      }
      await classifyLines(recognizer);
    });
}

async function classifyLines(recognizer: IntentRecognizer): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const pending: Promise<string>[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    pending.push(classifyLine(recognizer, line, lineNumber));
    // Results are written in input order; at most IN_FLIGHT lines are waited on at once.
    if (pending.length >= IN_FLIGHT) process.stdout.write(`${await pending.shift()!}\n`);
  }
  for (const result of pending) process.stdout.write(`${await result}\n`);
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
