import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

function capture() {
  const stream = new PassThrough();
  let out = "";
  stream.on("data", (d: Buffer) => (out += d.toString("utf8")));
  return { logger: createLogger("debug", stream), lines: () => out };
}

describe("log lines", () => {
  it("never carry message text or update content, at any depth", () => {
    const { logger, lines } = capture();
    logger.info(
      { text: "pw is Tr0ub4dor&3", step: { content: "full update text", reason: "vendor case 7" } },
      "x",
    );
    expect(lines()).not.toMatch(/Tr0ub4dor|full update text|vendor case/);
    expect(lines()).toContain('"text":"[redacted]"');
  });

  it("censor credential fields wherever they appear", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        req: { headers: { authorization: "Bearer abc.def", cookie: "sid=1", "x-api-key": "k-123" } },
        connection: { privateKey: "priv-S3cr3t", password: "p", clientSecret: "cs", token: "t" },
        config: { DATABASE_URL: "postgresql://app:pw@db/x", OPENAI_API_KEY: "sk-proj-abc" },
      },
      "y",
    );
    for (const value of [
      "abc.def",
      "sid=1",
      "k-123",
      "priv-S3cr3t",
      '"p"',
      '"cs"',
      '"t"',
      "app:pw@",
      "sk-proj-abc",
    ])
      expect(lines()).not.toContain(value);
  });

  it("pass every other string through the secret detector (an error may quote what was sent)", () => {
    const { logger, lines } = capture();
    logger.error(
      { err: { message: "login failed for admin / Hunter2!x at 10:03" }, route: "/ai-sessions" },
      "z",
    );
    expect(lines()).toContain("login failed for admin / [password removed] at 10:03");
    expect(lines()).toContain('"route":"/ai-sessions"');
  });

  it("keep why a request was refused (`refusal`) in plain words, while a typed `reason` stays redacted", () => {
    const { logger, lines } = capture();
    logger.warn({ refusal: "stale or future timestamp", reason: "client asked to wait until Monday" }, "r");
    const line = JSON.parse(lines());
    expect(line.refusal).toBe("stale or future timestamp");
    expect(line.reason).toBe("[redacted]");
  });
});
