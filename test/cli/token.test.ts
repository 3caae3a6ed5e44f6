import { beforeAll, describe, expect, it } from "vitest";
import { verifyApiToken } from "../../src/db/api-tokens.ts";
import { openDatabase } from "../../src/db/open.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { runCli, startCli } from "../support/run-cli.ts";

const tokenFrom = (stdout: string) => /^Token:\s+(fp_\S+)$/m.exec(stdout)?.[1];
const idFrom = (stdout: string) => /^Token id:\s+(\S+)$/m.exec(stdout)?.[1];

describe("flowpilot token", () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { FLOWPILOT_DATA_DIR: await freshDataDir() };
  });

  it("creates, lists and revokes tokens; the secret is printed once and works until revoked", async () => {
    const created = await runCli(["token", "create", "--account", "northstar", "--name", "psa sync"], {
      env,
    });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const token = tokenFrom(created.stdout);
    const id = idFrom(created.stdout);
    expect(token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
    expect(created.stdout).toMatch(/Account:\s+northstar \([0-9a-f-]{36}\)/);
    expect(created.stdout).toContain("not shown again");

    const listed = await runCli(["token", "list", "--account", "northstar"], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toMatch(/active .*psa sync/);
    expect(listed.stdout).not.toContain(token!.slice(3));

    const db = await openDatabase({ dataDir: env.FLOWPILOT_DATA_DIR! });
    try {
      expect((await verifyApiToken(db.prisma, token!))?.account).toMatchObject({ externalId: "northstar" });
    } finally {
      await db.close();
    }

    const revoked = await runCli(["token", "revoke", id!], { env });
    expect(revoked).toMatchObject({ code: 0, stderr: "" });
    expect(revoked.stdout).toContain(`Revoked token ${id}`);
    expect((await runCli(["token", "list", "--account", "northstar"], { env })).stdout).toMatch(
      /revoked .*psa sync/,
    );
  });

  it("names the problem in one line with exit code 2", async () => {
    const unknownAccount = await runCli(["token", "list", "--account", "nobody"], { env });
    expect(unknownAccount.code).toBe(2);
    expect(unknownAccount.stderr.trim()).toBe('flowpilot: There is no API account "nobody".');
    const unknownToken = await runCli(["token", "revoke", "00000000-0000-4000-8000-000000000000"], { env });
    expect(unknownToken.code).toBe(2);
    expect(unknownToken.stderr.trim()).toMatch(/^flowpilot: There is no API token with id /);
    const missing = await runCli(["token", "create"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--account/);
  });

  it("lists and revokes through the running API that holds the embedded database; the revoked token stops working at once", async () => {
    const served = {
      ...env,
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      LOG_LEVEL: "silent",
    };
    const created = await runCli(["token", "create", "--account", "harbor"], { env });
    const token = tokenFrom(created.stdout)!;
    const id = idFrom(created.stdout)!;
    const server = startCli(["serve"], { env: served });
    try {
      const url = (await server.waitFor(/listening on (http:\/\/\S+) /))[1]!;
      const call = () =>
        fetch(`${url}/ai-sessions/00000000-0000-4000-8000-000000000000`, {
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await call()).status).toBe(404);

      const listed = await runCli(["token", "list", "--account", "harbor"], { env });
      expect(listed).toMatchObject({ code: 0, stderr: "" });
      expect(listed.stdout).toMatch(new RegExp(`${id}\\s+active`));
      const stats = await runCli(["stats", "--json"], { env });
      expect(JSON.parse(stats.stdout)).toMatchObject({ updatesGenerated: 0 });

      const revoked = await runCli(["token", "revoke", id], { env });
      expect(revoked).toMatchObject({ code: 0, stderr: "" });
      expect((await call()).status).toBe(401);
      const again = await runCli(["token", "revoke", "00000000-0000-4000-8000-000000000000"], { env });
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/There is no API token with id/);
    } finally {
      server.stop();
    }
    expect((await server.done).code).toBe(0);
  });
});
