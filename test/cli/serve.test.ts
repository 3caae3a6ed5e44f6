import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshDataDir } from "../support/data-dir.ts";
import { runCli, spawnBin, spawnCommand } from "../support/run-cli.ts";

describe("flowpilot serve (the compiled CLI as a process)", () => {
  it("serves the API, answers token commands from other processes while it holds the database, and stops cleanly on SIGTERM", async () => {
    const env = {
      FLOWPILOT_DATA_DIR: await freshDataDir(),
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      LOG_LEVEL: "warn",
    };
    const created = await runCli(["token", "create", "--account", "northstar"], { env });
    const token = /^Token:\s+(\S+)$/m.exec(created.stdout)?.[1];
    const tokenId = /^Token id:\s+(\S+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();

    const server = spawnBin(["serve"], { env });
    const url = (await server.waitFor(/listening on (http:\/\/\S+) /))[1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "ok" });
    const res = await fetch(`${url}/ai-sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ticket_id: "TKT-1", engineer: { id: "e1", name: "Sam" } }),
    });
    expect(res.status).toBe(201);

    // This test process is another process: it is answered by the server, which holds the database.
    const listed = await runCli(["token", "list", "--account", "northstar"], { env });
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    expect(listed.stdout).toMatch(/active/);
    expect((await runCli(["token", "revoke", tokenId!], { env })).code).toBe(0);
    expect(
      (await fetch(`${url}/ai-sessions`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);

    server.child.kill("SIGTERM");
    const exited = await server.exited;
    expect(exited.code).toBe(0);
    expect(exited.stdout).toContain("Stopped (SIGTERM).");
    // The data folder is released: this process can open it now.
    const after = await runCli(["token", "list", "--account", "northstar"], { env });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/revoked/);
  });
});

describe("npx flowpilot serve", () => {
  it("stops, releasing the data folder, when npm is sent SIGTERM (npm does not pass it on)", async () => {
    const dataDir = await freshDataDir();
    const env = { FLOWPILOT_DATA_DIR: dataDir, FLOWPILOT_HTTP_HOST: "127.0.0.1", FLOWPILOT_HTTP_PORT: "0" };
    const npx = spawnCommand("npx", ["flowpilot", "serve"], env);
    await npx.waitFor(/listening on http/);
    npx.child.kill("SIGTERM");
    await npx.exited;
    // The server notices within a second or two; the lock file goes when it has closed the database.
    const deadline = Date.now() + 60_000;
    while (existsSync(join(dataDir, "flowpilot.lock")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(dataDir, "flowpilot.lock"))).toBe(false);
    expect((await runCli(["stats"], { env })).code).toBe(0);
  });
});

describe("flowpilot serve (in-process)", () => {
  it("stops with one line when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runCli(["serve"], {
        env: {
          FLOWPILOT_DATA_DIR: await freshDataDir(),
          FLOWPILOT_HTTP_HOST: "127.0.0.1",
          FLOWPILOT_HTTP_PORT: String(port),
          LOG_LEVEL: "silent",
        },
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        `flowpilot: cannot listen on 127.0.0.1:${port} (EADDRINUSE); set FLOWPILOT_HTTP_PORT`,
      );
    } finally {
      blocker.close();
    }
  });
});
