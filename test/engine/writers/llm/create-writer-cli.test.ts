import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { createWriter } from "../../../../src/engine/writers/create-writer.ts";
import { offlineWriter } from "../../../../src/engine/writers/offline/index.ts";
import { runCli } from "../../../support/run-cli.ts";
import { SHARED_EVAL_DIR } from "../../../support/session-expectations.ts";
import { evalSession, fakeOpenAiPerFile, settingsFor } from "./support.ts";

const EMAIL = join(SHARED_EVAL_DIR, "sessions/email-delivery.json");
const NOTE = "**Status:** Identified — tenant-wide transport rule blocks inbound external mail.";

const fake = fakeOpenAiPerFile();

describe("createWriter", () => {
  it("is the offline writer without model settings, and sends nothing anywhere", async () => {
    const writer = createWriter(undefined);
    expect(writer).toBe(offlineWriter);
    const result = await generateStatusUpdate(evalSession(), { audience: "ticket_notes" }, { writer });
    expect(result.writer).toBe("offline");
    expect(fake.server.requests).toHaveLength(0);
  });

  it("is the LLM writer with settings, using their model, key and base URL", async () => {
    fake.server.setDefault({ kind: "content", content: NOTE });
    const writer = createWriter(settingsFor(fake.server));
    expect(writer.name).toBe("llm");
    const result = await generateStatusUpdate(
      evalSession(),
      { audience: "ticket_notes", length: "quick" },
      { writer },
    );
    expect(result).toMatchObject({ writer: "llm", content: NOTE });
    expect(fake.server.chatRequests()[0]!.body.model).toBe("writer-model");
  });
});

describe("flowpilot generate with OPENAI_API_KEY", () => {
  const env = () => ({
    OPENAI_API_KEY: "sk-cli-writer",
    OPENAI_BASE_URL: fake.server.baseURL,
    OPENAI_MODEL: "cli-writer-model",
    OPENAI_TIMEOUT_MS: "2000",
  });

  it("prints the model's update, with the messages each sentence rests on", async () => {
    fake.server.setDefault({
      kind: "content",
      content: JSON.stringify({ sentences: [{ text: NOTE, sources: ["m7"], followed_by: "space" }] }),
    });
    const run = await runCli(["generate", "--transcript", EMAIL, "--audience", "ticket_notes", "--json"], {
      env: env(),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      writer: "llm",
      content: NOTE,
      audience: "ticket_notes",
      sources: [{ sentence: NOTE, ids: ["m7"] }],
    });
    const [request] = fake.server.chatRequests();
    expect(request!.headers.authorization).toBe("Bearer sk-cli-writer");
    expect(request!.body.model).toBe("cli-writer-model");
  });

  it("still prints an update, the offline one with the reason, when the model is down", async () => {
    fake.server.setDefault({ kind: "error", status: 503 });
    const run = await runCli(["generate", "--transcript", EMAIL, "--audience", "client_update", "--json"], {
      env: env(),
    });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.writer).toBe("offline");
    expect(body.fallback_reason).toMatch(/HTTP 503/);
    expect(body.content).toMatch(/^Hi Acme Medical Group,/);
  });

  it("exits 2 naming a bad model setting", async () => {
    const run = await runCli(["generate", "--transcript", EMAIL, "--audience", "ticket_notes"], {
      env: { ...env(), OPENAI_BASE_URL: "not a url" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPENAI_BASE_URL/);
    expect(fake.server.requests).toHaveLength(0);
  });
});
