import { readFile } from "node:fs/promises";
import { writtenUpdateBody } from "../../adapters/http/bodies.ts";
import { generateStatusUpdate } from "../../engine/generate.ts";
import { communicationTemplatesSchema, DEFAULT_TEMPLATES } from "../../engine/templates.ts";
import { transcriptSchema, transcriptToSnapshot } from "../../engine/transcript.ts";
import type { Audience, Length, UpdateContextKind } from "../../engine/types.ts";
import { createWriter } from "../../engine/writers/create-writer.ts";
import { describeFirstIssue } from "../../zod-issue.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export interface GenerateFlags {
  transcript: string;
  audience: Audience;
  length?: Length;
  context?: UpdateContextKind;
  templates?: string;
  json?: boolean;
}

/** Writes one update from a transcript file to stdout (the text, or the API body with --json). */
export async function generate(io: CliIo, flags: GenerateFlags): Promise<void> {
  const config = loadCliConfig(io.env);
  const snapshot = transcriptToSnapshot(await readTranscript(flags.transcript));
  const templates = flags.templates ? parseTemplateFlag(flags.templates) : DEFAULT_TEMPLATES;
  const result = await generateStatusUpdate(
    snapshot,
    { audience: flags.audience, length: flags.length, context: flags.context },
    { templates, writer: createWriter(config.llm) },
  );
  io.stdout.write(
    flags.json ? `${JSON.stringify(writtenUpdateBody(result), null, 2)}\n` : `${result.content}\n`,
  );
  // The text itself stays clean for piping; the engineer still learns the AI was not used.
  if (!flags.json && result.fallbackReason) io.stderr.write(`flowpilot: note: ${result.fallbackReason}\n`);
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
