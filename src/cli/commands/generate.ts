import { readFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { generateStatusUpdate } from "../../engine/generate.ts";
import { communicationTemplatesSchema, DEFAULT_TEMPLATES } from "../../engine/templates.ts";
import { transcriptSchema, transcriptToSnapshot } from "../../engine/transcript.ts";
import {
  AUDIENCES,
  type Audience,
  LENGTHS,
  type Length,
  UPDATE_CONTEXTS,
  type UpdateContextKind,
} from "../../engine/types.ts";
import { createWriter } from "../../engine/writers/create-writer.ts";
import { describeFirstIssue } from "../../zod-issue.ts";
import { loadCliConfig } from "../cli-config.ts";
import { UsageError } from "../usage-error.ts";

interface GenerateFlags {
  transcript: string;
  audience: Audience;
  length?: Length;
  context?: UpdateContextKind;
  templates?: string;
  json?: boolean;
}

/** `flowpilot generate --transcript FILE --audience ... --length ...`: one update from a transcript file. */
export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("write a status update from a session transcript (JSON)")
    .requiredOption("--transcript <file>", "session transcript (see README: transcript format)")
    .addOption(
      new Option("--audience <audience>", "who the update is for").choices(AUDIENCES).makeOptionMandatory(),
    )
    .addOption(
      new Option("--length <length>", "quick or detailed (default: the team template's)").choices(LENGTHS),
    )
    .addOption(
      new Option(
        "--context <context>",
        "update, resolution or escalation (default: from the session status)",
      ).choices(UPDATE_CONTEXTS),
    )
    .option("--templates <json>", 'team communication templates as JSON, e.g. \'{"client_tone":"friendly"}\'')
    .option("--json", "print the API response body instead of the text")
    .action(async (flags: GenerateFlags) => {
      const config = loadCliConfig();
      const snapshot = transcriptToSnapshot(await readTranscript(flags.transcript));
      const templates = flags.templates ? parseTemplateFlag(flags.templates) : DEFAULT_TEMPLATES;
      const result = await generateStatusUpdate(
        snapshot,
        { audience: flags.audience, length: flags.length, context: flags.context },
        { templates, writer: createWriter(config.llm) },
      );
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.content}\n`);
      // The text itself stays clean for piping; the engineer still learns the AI was not used.
      if (!flags.json && result.fallback_reason)
        process.stderr.write(`flowpilot: note: ${result.fallback_reason}\n`);
    });
}

async function readTranscript(path: string) {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${code ?? String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = transcriptSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(`${path}: transcript field ${describeFirstIssue(parsed.error)}`);
  }
  return parsed.data;
}

function parseTemplateFlag(json: string) {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UsageError("--templates is not valid JSON");
  }
  const parsed = communicationTemplatesSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--templates field ${describeFirstIssue(parsed.error)}`);
  return parsed.data;
}
