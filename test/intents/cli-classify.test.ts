import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../support/fake-openai-server.ts";
import { runCli } from "../support/run-cli.ts";
import { uncertainPhrase } from "./support/uncertain.ts";

const UNCERTAIN = uncertainPhrase("status_update");

const parseLines = (out: string) =>
  out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("flowpilot classify", () => {
  it("prints the JSON result for one message", async () => {
    const run = await runCli(["classify", "quick update for the client"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      intent: "status_update",
      audience: "client_update",
      length: "quick",
      context: null,
      confidence: expect.any(Number),
      source: "model",
    });
  });

  it("classifies JSON lines from stdin in order, one result per line, errors on their own line", async () => {
    const input = [
      JSON.stringify({ text: "handoff note for tier 3" }),
      "this is not json",
      JSON.stringify({ id: 7, message: "no text field" }),
      JSON.stringify({ text: "Windows Update is stuck at 35%" }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: "let the client know it's fixed" }),
    ].join("\n");
    const run = await runCli(["classify", "--jsonl"], { stdin: `${input}\n` });
    expect(run.code).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      intent: "status_update",
      audience: "ticket_notes",
      context: "escalation",
    });
    expect(lines[1]).toEqual({ line: 2, error: "not valid JSON" });
    expect(lines[2]).toEqual({ line: 3, error: 'missing "text" field' });
    expect(lines[3]).toMatchObject({ intent: "none" });
    expect(lines[4]).toMatchObject({ line: 5, error: expect.stringContaining("text") });
    expect(lines[5]).toMatchObject({
      intent: "status_update",
      audience: "client_update",
      context: "resolution",
    });
  });

  it("exits 2 with one line naming the problem when no message is given", async () => {
    const run = await runCli(["classify"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/classify needs a message/);
  });

  describe("with OPENAI_API_KEY set", () => {
    let server: FakeOpenAiServer;
    beforeAll(async () => {
      server = await startFakeOpenAiServer();
    });
    afterAll(async () => {
      await server.close();
    });
    const env = () => ({
      OPENAI_API_KEY: "sk-cli-test",
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_MODEL: "cli-model",
    });

    it("asks the model about an uncertain message and prints its answer", async () => {
      server.enqueue({
        kind: "content",
        content: JSON.stringify({
          intent: "status_update",
          audience: "client_update",
          length: null,
          context: null,
          confidence: 0.8,
        }),
      });
      const run = await runCli(["classify", UNCERTAIN], { env: env() });
      expect(JSON.parse(run.stdout)).toMatchObject({ intent: "status_update", source: "llm" });
      expect(server.chatRequests().at(-1)!.body.model).toBe("cli-model");
    });

    it("falls back to the rules when the model fails", async () => {
      server.enqueue({ kind: "error", status: 500 });
      const run = await runCli(["classify", UNCERTAIN], { env: env() });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ source: "model" });
    });
  });
});
