import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "../support/run-cli.ts";

/** Starts `flowpilot serve` and resolves with its URL once it says it is listening. */
function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: { ...process.env, DATABASE_URL: "", OPENAI_API_KEY: "", LOG_LEVEL: "warn", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const m = /listening on (http:\/\/\S+) /.exec(stdout);
      if (m) resolve(m[1]!);
    });
    exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe("flowpilot serve", () => {
  it("serves the API with tokens from `token create` and stops cleanly on SIGTERM", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "flowpilot-serve-")), "data");
    const env = { FLOWPILOT_DATA_DIR: dataDir, FLOWPILOT_HTTP_HOST: "127.0.0.1", FLOWPILOT_HTTP_PORT: "0" };
    const created = await runCli(["token", "create", "--account", "northstar"], { env });
    const token = /^Token:\s+(\S+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();

    const server = serve(env);
    try {
      const url = await server.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
      const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
      expect(doc.openapi).toMatch(/^3\.1/);
      const res = await fetch(`${url}/ai-sessions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ ticket_id: "TKT-1", engineer: { id: "e1", name: "Sam" } }),
      });
      expect(res.status).toBe(201);
      expect((await fetch(`${url}/ai-sessions`, { method: "POST" })).status).toBe(401);
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain("Stopped (SIGTERM).");
    // The data folder is released: another command can open it.
    const listed = await runCli(["token", "list", "--account", "northstar"], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/active/);
  });

  it("stops with one line when the port is taken", async () => {
    const { createServer } = await import("node:net");
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const dataDir = join(await mkdtemp(join(tmpdir(), "flowpilot-serve-")), "data");
      const run = await runCli(["serve"], {
        env: {
          FLOWPILOT_DATA_DIR: dataDir,
          FLOWPILOT_HTTP_HOST: "127.0.0.1",
          FLOWPILOT_HTTP_PORT: String(port),
        },
      });
      expect(run.code).toBe(2);
      // Server logs are JSON lines on stderr; the error is the last, plain line.
      expect(run.stderr.trim().split("\n").at(-1)).toBe(
        `flowpilot: cannot listen on 127.0.0.1:${port} (EADDRINUSE); set FLOWPILOT_HTTP_PORT`,
      );
    } finally {
      blocker.close();
    }
  });
});
