import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "../support/fake-openai-server.ts";

let server: FakeOpenAiServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  client = new OpenAI({ apiKey: "sk-fake", baseURL: server.baseURL, maxRetries: 0, timeout: 500 });
});
afterAll(async () => {
  await server.close();
});

const ask = (extra: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "hi" }], ...extra });

describe("fake OpenAI server through the real SDK", () => {
  it("answers with scripted content and records the request", async () => {
    server.enqueue({ kind: "content", content: "hello there" });
    const response = await ask();
    expect(response.choices[0]!.message.content).toBe("hello there");
    expect(server.chatRequests().at(-1)!.body.messages).toEqual([{ role: "user", content: "hi" }]);
  });

  it("streams content as server-sent events when asked", async () => {
    server.enqueue({ kind: "content", content: "a longer answer that spans several chunks" });
    const stream = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toBe("a longer answer that spans several chunks");
  });

  it("produces the SDK's typed errors for 500 and 429 (with Retry-After)", async () => {
    server.enqueue({ kind: "error", status: 500 }, { kind: "rate_limit", retryAfterSeconds: 12 });
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const rateLimited = await ask().catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((rateLimited as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("12");
  });

  it("times out a hanging request and survives a dropped connection", async () => {
    server.enqueue({ kind: "hang" }, { kind: "disconnect" });
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("lets a function decide the reply from the request", async () => {
    server.enqueue((req) => ({
      kind: "content",
      content: `model was ${(req.body as { model: string }).model}`,
    }));
    expect((await ask({ model: "picked" })).choices[0]!.message.content).toBe("model was picked");
  });
});
