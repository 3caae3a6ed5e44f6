import { connect } from "node:net";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { listen } from "../../../src/adapters/http/listen.ts";

/** Opens a connection, sends `first`, then nothing more; resolves with what came back when the server closed it. */
function stall(port: number, first: string): Promise<{ answer: string; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(first));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("close", () => resolve({ answer, afterMs: Date.now() - started }));
  });
}

describe("HTTP server timeouts", () => {
  it("cuts off a client that sends headers or a body too slowly, and keeps answering others", async () => {
    const app = new Hono();
    app.get("/health", (c) => c.json({ status: "ok" }));
    app.post("/echo", async (c) => c.text(await c.req.text().catch(() => "")));
    const server = await listen(app, {
      host: "127.0.0.1",
      port: 0,
      timeouts: { headersMs: 500, requestMs: 800, checkEveryMs: 100 },
    });
    try {
      const [headers, body] = await Promise.all([
        stall(server.port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
        stall(server.port, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nabc"),
      ]);
      expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(headers.afterMs).toBeLessThan(5_000);
      expect(body.afterMs).toBeLessThan(5_000);
      const ok = await fetch(`${server.url}/health`);
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
