import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import type { CommunicationTemplates } from "../../../../src/engine/templates.ts";
import { DEFAULT_TEMPLATES } from "../../../../src/engine/templates.ts";
import { transcriptSchema, transcriptToSnapshot } from "../../../../src/engine/transcript.ts";
import type { SessionSnapshot, UpdateRequest } from "../../../../src/engine/types.ts";
import { type CreateWriterOptions, createWriter } from "../../../../src/engine/writers/create-writer.ts";
import type { LlmSettings } from "../../../../src/llm/settings.ts";
import {
  type ChatRequestBody,
  type FakeOpenAiServer,
  type RecordedRequest,
  startFakeOpenAiServer,
} from "../../../support/fake-openai-server.ts";
import { SHARED_EVAL_DIR } from "../../../support/session-expectations.ts";

/** A shared eval session (email delivery, Acme Medical Group, engineer Michael Chihlas). */
export function evalSession(name = "email-delivery"): SessionSnapshot {
  const raw = JSON.parse(readFileSync(join(SHARED_EVAL_DIR, `sessions/${name}.json`), "utf8"));
  return transcriptToSnapshot(transcriptSchema.parse(raw));
}

const LABELLED = join(import.meta.dirname, "../../fixtures/labelled-sessions");

/** A labelled session from test/engine/fixtures/labelled-sessions (real threads with expected stage and waits). */
export function labelledSession(name: string): SessionSnapshot {
  return snapshotOf(JSON.parse(readFileSync(join(LABELLED, `${name}.json`), "utf8")));
}

/** A snapshot from a transcript-shaped object. */
export function snapshotOf(transcript: unknown): SessionSnapshot {
  return transcriptToSnapshot(transcriptSchema.parse(transcript));
}

export function settingsFor(server: FakeOpenAiServer, timeoutMs = 2_000): LlmSettings {
  return { apiKey: "sk-test-writer-key", baseURL: server.baseURL, model: "writer-model", timeoutMs };
}

/** One update through the real LLM writer (real SDK, real HTTP to the fake server). */
export function generateWithLlm(
  server: FakeOpenAiServer,
  session: SessionSnapshot,
  request: UpdateRequest,
  options: { templates?: CommunicationTemplates; timeoutMs?: number; writer?: CreateWriterOptions } = {},
) {
  return generateStatusUpdate(session, request, {
    templates: options.templates ?? DEFAULT_TEMPLATES,
    writer: createWriter(settingsFor(server, options.timeoutMs), options.writer),
  });
}

/** The system and user messages of a recorded chat request. */
export function promptOf(request: RecordedRequest & { body: ChatRequestBody }): {
  system: string;
  user: string;
  all: string;
} {
  const messages = request.body.messages ?? [];
  const text = (role: string) =>
    messages
      .filter((m) => m.role === role)
      .map((m) => String(m.content))
      .join("\n");
  return { system: text("system"), user: text("user"), all: JSON.stringify(request.body) };
}

/** One fake OpenAI server for the test file, back to its default answer and an empty log between tests. */
export function fakeOpenAiPerFile(): { server: FakeOpenAiServer } {
  const fake = {} as { server: FakeOpenAiServer };
  beforeAll(async () => {
    fake.server = await startFakeOpenAiServer();
  });
  afterEach(() => {
    fake.server.requests.length = 0;
    fake.server.setDefault({ kind: "content", content: "ok" });
  });
  afterAll(async () => {
    await fake.server.close();
  });
  return fake;
}
