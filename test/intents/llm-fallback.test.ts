import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createIntentRecognizer,
  DEFAULT_UNCERTAIN_BAND,
  readOffline,
  recognizeOffline,
} from "../../src/intents/index.ts";
import type { LlmSettings } from "../../src/llm/settings.ts";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../support/fake-openai-server.ts";
import { uncertainPhrase } from "./support/uncertain.ts";

/** A hedged phrase the calibrated model is unsure of, leaning to a request: a suggestion, not an ask. */
const UNCERTAIN = uncertainPhrase("status_update");
/** And one it is unsure of, leaning to "none". */
const UNCERTAIN_NONE = uncertainPhrase("none");

const answer = (fields: Record<string, unknown>) =>
  JSON.stringify({
    intent: "status_update",
    audience: null,
    length: null,
    context: null,
    confidence: 0.9,
    ...fields,
  });

let server: FakeOpenAiServer;
let settings: LlmSettings;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  settings = { apiKey: "sk-test-intent", baseURL: server.baseURL, model: "test-model", timeoutMs: 300 };
});
afterEach(() => {
  server.requests.length = 0;
  server.setDefault({ kind: "content", content: "ok" });
});
afterAll(async () => {
  await server.close();
});

describe("LLM fallback for the uncertain band", () => {
  it("the chosen phrases really are uncertain for the model", () => {
    const [low, high] = DEFAULT_UNCERTAIN_BAND;
    for (const text of [UNCERTAIN, UNCERTAIN_NONE]) {
      const { p } = readOffline(text);
      expect(p, text).toBeGreaterThanOrEqual(low);
      expect(p, text).toBeLessThan(high);
    }
  });

  it("asks the model with a JSON-schema answer format and uses its validated answer", async () => {
    server.enqueue({
      kind: "content",
      content: answer({ audience: "client_update", context: "update", confidence: 0.82 }),
    });
    const recognizer = createIntentRecognizer({ llm: settings });
    const result = await recognizer.recognize(UNCERTAIN);
    expect(result).toEqual({
      intent: "status_update",
      audience: "client_update",
      length: null,
      context: null,
      confidence: 0.82,
      source: "llm",
    });
    const [request] = server.chatRequests();
    expect(request!.headers.authorization).toBe("Bearer sk-test-intent");
    expect(request!.body.model).toBe("test-model");
    expect(request!.body.response_format?.type).toBe("json_schema");
    expect(JSON.stringify(request!.body.messages)).toContain(UNCERTAIN);
  });

  it("shows the model the thread's last messages (secrets redacted), read only for the uncertain band", async () => {
    server.enqueue({ kind: "content", content: answer({ audience: "client_update", confidence: 0.8 }) });
    let reads = 0;
    const thread = {
      recent: async () => {
        reads++;
        return ["the owner keeps asking how it is going", "password for the NAS is Hunter2-Blue!9"];
      },
    };
    const recognizer = createIntentRecognizer({ llm: settings });
    await recognizer.recognize("quick update for the client", thread);
    await recognizer.recognize("rebooting the switch now", thread);
    expect(reads).toBe(0);
    await recognizer.recognize(UNCERTAIN, thread);
    expect(reads).toBe(1);
    const prompt = JSON.stringify(server.chatRequests()[0]!.body.messages);
    expect(prompt).toContain("the owner keeps asking how it is going");
    expect(prompt).not.toContain("Hunter2-Blue!9");
    expect(prompt.indexOf("the owner keeps asking")).toBeLessThan(prompt.indexOf(UNCERTAIN));
  });

  it("lets the model turn an uncertain message down", async () => {
    server.enqueue({
      kind: "content",
      content: answer({ intent: "none", audience: "client_update", confidence: 0.7 }),
    });
    const result = await createIntentRecognizer({ llm: settings }).recognize(UNCERTAIN);
    expect(result).toMatchObject({ intent: "none", audience: null, source: "llm" });
  });

  it("does not ask the model when the rules are confident", async () => {
    const recognizer = createIntentRecognizer({ llm: settings });
    expect((await recognizer.recognize("quick update for the client")).source).toBe("model");
    expect((await recognizer.recognize("Windows Update is stuck at 35%")).source).toBe("model");
    expect((await recognizer.recognize("ok rebooting the server now")).source).toBe("model");
    expect(server.chatRequests()).toHaveLength(0);
  });

  it("caches answers by normalised text", async () => {
    server.setDefault({ kind: "content", content: answer({ intent: "none", confidence: 0.8 }) });
    const recognizer = createIntentRecognizer({ llm: settings });
    const first = await recognizer.recognize(UNCERTAIN_NONE);
    const second = await recognizer.recognize(`  ${UNCERTAIN_NONE.toUpperCase()}!! `);
    expect(second).toEqual(first);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("evicts the least recently used answer beyond cacheSize", async () => {
    server.setDefault({ kind: "content", content: answer({ intent: "none", confidence: 0.8 }) });
    const recognizer = createIntentRecognizer({ llm: settings, cacheSize: 1 });
    await recognizer.recognize(UNCERTAIN_NONE);
    await recognizer.recognize(UNCERTAIN);
    await recognizer.recognize(UNCERTAIN_NONE);
    expect(server.chatRequests()).toHaveLength(3);
  });

  it("keeps the rules' answer when the model hangs past the timeout", async () => {
    server.enqueue({ kind: "hang" });
    const failures: string[] = [];
    const result = await createIntentRecognizer({
      llm: settings,
      onFailure: (r) => failures.push(r),
    }).recognize(UNCERTAIN);
    expect(result).toEqual(recognizeOffline(UNCERTAIN));
    expect(failures).toHaveLength(1);
  });

  it("keeps the rules' answer on a server error, without retrying", async () => {
    server.enqueue({ kind: "error", status: 500 });
    const failures: string[] = [];
    const result = await createIntentRecognizer({
      llm: settings,
      onFailure: (r) => failures.push(r),
    }).recognize(UNCERTAIN);
    expect(result).toEqual(recognizeOffline(UNCERTAIN));
    expect(failures).toEqual(["model request failed with HTTP 500"]);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("keeps the rules' answer on 429 with Retry-After, without waiting to retry", async () => {
    server.enqueue({ kind: "rate_limit", retryAfterSeconds: 30 });
    const result = await createIntentRecognizer({ llm: settings }).recognize(UNCERTAIN);
    expect(result.source).toBe("model");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("keeps the rules' answer when the body is not JSON", async () => {
    server.enqueue({ kind: "invalid_json" });
    expect((await createIntentRecognizer({ llm: settings }).recognize(UNCERTAIN)).source).toBe("model");
  });

  it("keeps the rules' answer when the model's JSON does not match the schema", async () => {
    const recognizer = createIntentRecognizer({ llm: settings, cacheSize: 0 });
    for (const content of [
      "sure, it is a status update",
      answer({ audience: "slack" }),
      answer({ confidence: 7 }),
      "{}",
    ]) {
      server.enqueue({ kind: "content", content });
      const result = await recognizer.recognize(UNCERTAIN);
      expect(result, content).toEqual(recognizeOffline(UNCERTAIN));
    }
  });

  it("does not cache failures: the next message asks again", async () => {
    server.enqueue({ kind: "error", status: 503 }, { kind: "content", content: answer({ confidence: 0.9 }) });
    const recognizer = createIntentRecognizer({ llm: settings });
    expect((await recognizer.recognize(UNCERTAIN)).source).toBe("model");
    expect((await recognizer.recognize(UNCERTAIN)).source).toBe("llm");
  });

  it("decides with rules alone when no model is configured", async () => {
    const result = await createIntentRecognizer().recognize(UNCERTAIN);
    expect(result).toEqual(recognizeOffline(UNCERTAIN));
    expect(server.requests).toHaveLength(0);
  });

  it("keeps secrets typed in the thread out of the prompt", async () => {
    server.enqueue({ kind: "content", content: answer({}) });
    await createIntentRecognizer({ llm: settings }).recognize(
      "we should update the client, admin password is Hunter2!x",
    );
    const prompt = JSON.stringify(server.chatRequests()[0]!.body.messages);
    expect(prompt).not.toContain("Hunter2!x");
    expect(prompt).toContain("[password removed]");
  });

  it("honours a custom uncertain band", async () => {
    server.setDefault({ kind: "content", content: answer({ audience: "client_update" }) });
    const recognizer = createIntentRecognizer({ llm: settings, uncertainBand: [0.9, 1.01] });
    expect((await recognizer.recognize("quick update for the client")).source).toBe("llm");
    expect((await recognizer.recognize(UNCERTAIN)).source).toBe("model");
  });
});
