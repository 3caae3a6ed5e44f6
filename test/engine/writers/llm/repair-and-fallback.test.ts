import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { findClientViolations } from "../../../../src/engine/guardrails/index.ts";
import type { UpdateRequest } from "../../../../src/engine/types.ts";
import type { FakeReply } from "../../../support/fake-openai-server.ts";
import { evalSession, fakeOpenAiPerFile, generateWithLlm, promptOf } from "./support.ts";

const JARGON_ANSWER =
  "We ran a message trace in the Exchange admin center and found that the transport rule on acmemedical-com.mail.protection.outlook.com blocks external senders.\n\nNext we will change the rule scope in EAC.";
const CLEAN_ANSWER =
  "We've found the setting that is stopping emails from outside your organisation from reaching you.\n\nWith your go-ahead we'll correct it and test it with one person first, then for everyone.";
const CLIENT: UpdateRequest = { audience: "client_update", length: "detailed" };

const fake = fakeOpenAiPerFile();

describe("LLM writer: one repair, then the offline text", () => {
  it("the jargon answer really breaks the client rules and the clean one does not", () => {
    expect(findClientViolations(JARGON_ANSWER).length).toBeGreaterThan(2);
    expect(findClientViolations(CLEAN_ANSWER)).toEqual([]);
  });

  it("repairs a jargon-laden client answer with exactly one request naming the violations", async () => {
    fake.server.enqueue(
      { kind: "content", content: JARGON_ANSWER },
      { kind: "content", content: CLEAN_ANSWER },
    );
    const result = await generateWithLlm(fake.server, evalSession(), CLIENT);
    expect(result.writer).toBe("llm");
    expect(result.fallbackReason).toBeUndefined();
    expect(result.content).toContain(CLEAN_ANSWER);
    expect(result.content.startsWith("Hi Acme Medical Group,")).toBe(true);

    const requests = fake.server.chatRequests();
    expect(requests).toHaveLength(2);
    const messages = requests[1]!.body.messages!;
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[0]!.content).toBe(requests[0]!.body.messages![0]!.content);
    expect(messages[2]!.content).toBe(JARGON_ANSWER);
    const repair = String(messages[3]!.content);
    expect(repair).toContain('"acmemedical-com.mail.protection.outlook.com"');
    expect(repair).toMatch(/technical jargon \([^)]*"message trace"/i);
    expect(repair).toMatch(/internal tool or product names \([^)]*"(?:Exchange admin center|EAC)"/);
    expect(repair).toContain("Rewrite it fixing every problem");
  });

  it("falls back to the offline text, marked as such, when the repaired answer still leaks", async () => {
    fake.server.setDefault({ kind: "content", content: JARGON_ANSWER });
    const fallbacks: string[] = [];
    const result = await generateWithLlm(fake.server, evalSession(), CLIENT, {
      writer: { onFallback: (r) => fallbacks.push(r) },
    });
    const offline = await generateStatusUpdate(evalSession(), CLIENT);
    expect(fake.server.chatRequests()).toHaveLength(2);
    expect(result.writer).toBe("offline");
    expect(result.fallbackReason).toMatch(
      /failed the content checks again after one repair; used the standard writer/,
    );
    expect(fallbacks).toEqual([result.fallbackReason]);
    expect(result.content).toBe(offline.content);
    expect(findClientViolations(result.content)).toEqual([]);
  });

  it("does not ask for a repair when the first answer is clean", async () => {
    fake.server.enqueue({ kind: "content", content: CLEAN_ANSWER });
    const result = await generateWithLlm(fake.server, evalSession(), { audience: "email_draft" });
    expect(fake.server.chatRequests()).toHaveLength(1);
    expect(result.writer).toBe("llm");
    expect(result.content.split("\n")[0]).toBe("Subject: Update: Email delivery issue — TKT-2847");
  });

  it("asks for a repair when a quick client update is far too long or forgets the client's name", async () => {
    const rambling =
      "We are on it. We checked things. We found a setting. We will change it. We will test it.";
    fake.server.enqueue(
      { kind: "content", content: rambling },
      {
        kind: "content",
        content:
          "Hi Acme Medical Group — we've found the setting that blocks outside emails and will fix it once you approve.",
      },
    );
    const result = await generateWithLlm(fake.server, evalSession(), {
      audience: "client_update",
      length: "quick",
    });
    expect(result.writer).toBe("llm");
    const repair = promptOf(fake.server.chatRequests()[1]!).user;
    expect(repair).toContain("A quick update must be 1-2 sentences; this one has 5.");
    expect(repair).toContain("Address the client by name: Acme Medical Group.");
  });
});

describe("LLM writer: a failing model never leaves the engineer without an update", () => {
  const cases: [string, FakeReply, RegExp][] = [
    [
      "a server that never answers",
      { kind: "hang" },
      /^AI writer timed out; used the standard writer instead$/,
    ],
    ["HTTP 500", { kind: "error", status: 500 }, /^AI writer unavailable \(HTTP 500\)/],
    [
      "HTTP 503",
      { kind: "error", status: 503, message: "overloaded" },
      /^AI writer unavailable \(HTTP 503\)/,
    ],
    [
      "HTTP 429 with Retry-After",
      { kind: "rate_limit", retryAfterSeconds: 30 },
      /^AI writer is rate-limited \(HTTP 429, retry after 30s\)/,
    ],
    ["a body that is not JSON", { kind: "invalid_json" }, /^AI writer gave an invalid answer \(not JSON\)/],
    ["empty content", { kind: "content", content: "   " }, /^AI writer gave an invalid answer \(no text\)/],
    [
      "a cut-off answer",
      { kind: "content", content: "We have found", finishReason: "length" },
      /invalid answer \(the text was cut off\)/,
    ],
    [
      "JSON that is not a completion",
      { kind: "json", body: { hello: "world" } },
      /invalid answer \(no completion in the response\)/,
    ],
    [
      "a dropped connection",
      { kind: "disconnect" },
      /^AI writer unreachable; used the standard writer instead$/,
    ],
    [
      "a rejected key",
      { kind: "error", status: 401, type: "invalid_request_error" },
      /rejected the API key \(HTTP 401\)/,
    ],
  ];

  it.each(cases)(
    "%s: one request, no retry, the offline text with a short reason",
    async (_name, reply, reason) => {
      fake.server.setDefault(reply);
      const result = await generateWithLlm(fake.server, evalSession(), CLIENT, { timeoutMs: 300 });
      const offline = await generateStatusUpdate(evalSession(), CLIENT);
      expect(result.writer).toBe("offline");
      expect(result.fallbackReason).toMatch(reason);
      expect(result.fallbackReason!.length).toBeLessThan(100);
      expect(result.content).toBe(offline.content);
      expect(fake.server.chatRequests()).toHaveLength(1);
    },
  );

  it("falls back when the repair request itself fails", async () => {
    fake.server.enqueue({ kind: "content", content: JARGON_ANSWER }, { kind: "error", status: 502 });
    const result = await generateWithLlm(fake.server, evalSession(), CLIENT);
    expect(result.writer).toBe("offline");
    expect(result.fallbackReason).toMatch(/HTTP 502/);
    expect(fake.server.chatRequests()).toHaveLength(2);
  });

  it("the fallback note never carries the server's own error text", async () => {
    fake.server.setDefault({
      kind: "error",
      status: 500,
      message: "upstream said: secret-ish internal detail",
    });
    const result = await generateWithLlm(fake.server, evalSession(), CLIENT);
    expect(result.fallbackReason).not.toContain("internal detail");
  });
});
