import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { openDatabase } from "../../src/db/open.ts";
import { loadConnectWiseConnection } from "../../src/db/psa-connections.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { type FakeConnectWise, startFakeConnectWise } from "../support/fake-connectwise.ts";
import { runCli } from "../support/run-cli.ts";

describe("flowpilot psa", () => {
  let cw: FakeConnectWise;
  let dataDir: string;
  const key = randomBytes(32);
  let env: Record<string, string>;

  beforeEach(async () => {
    cw = await startFakeConnectWise();
    dataDir = await freshDataDir();
    env = { FLOWPILOT_DATA_DIR: dataDir, FLOWPILOT_ENCRYPTION_KEY: key.toString("base64") };
  });
  afterEach(async () => {
    await cw.close();
  });

  const connectArgs = (privateKeyOk = true) => ({
    args: [
      "psa",
      "connect",
      "--account",
      "slack:T024BE7LH",
      "--site",
      cw.settings.site,
      "--company-id",
      cw.settings.companyId,
      "--public-key",
      cw.settings.publicKey,
      "--client-id",
      cw.settings.clientId,
    ],
    stdin: privateKeyOk ? `${cw.settings.privateKey}\n` : "not-the-key\n",
  });

  it("verifies, stores the key encrypted, shows status without the key, and disconnects", async () => {
    const { args, stdin } = connectArgs();
    const connected = await runCli(args, { stdin, env });
    expect(connected.stderr).toBe("");
    expect(connected.stdout).toMatch(/Connected slack:T024BE7LH to ConnectWise .*\(v2025\.1\.10431\)/);
    expect(cw.requests.map((r) => r.path)).toEqual(["/v4_6_release/apis/3.0/system/info"]);

    const status = await runCli(["psa", "status", "--account", "slack:T024BE7LH"], { env });
    expect(status.stdout).toMatch(
      /ConnectWise at http:\/\/127\.0\.0\.1:\d+, company acmemsp, public key pub-4F2a/,
    );
    expect(`${status.stdout}${connected.stdout}`).not.toContain(cw.settings.privateKey);

    const db = await openDatabase({ dataDir });
    try {
      const account = await getOrCreateAccount(db.prisma, { platform: "slack", externalId: "T024BE7LH" });
      const row = await db.prisma.psaConnection.findUniqueOrThrow({ where: { accountId: account.id } });
      expect(JSON.stringify(row)).not.toContain(cw.settings.privateKey);
      expect((await loadConnectWiseConnection(db.prisma, account.id, key))?.privateKey).toBe(
        cw.settings.privateKey,
      );
    } finally {
      await db.close();
    }

    const gone = await runCli(["psa", "disconnect", "--account", "slack:T024BE7LH"], { env });
    expect(gone.stdout).toMatch(/Disconnected/);
    expect((await runCli(["psa", "status", "--account", "slack:T024BE7LH"], { env })).stdout).toMatch(
      /no PSA connected/,
    );
  });

  it("stores nothing when ConnectWise rejects the credentials", async () => {
    const { args, stdin } = connectArgs(false);
    const run = await runCli(args, { stdin, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /ConnectWise check failed, nothing stored: ConnectWise rejected the API credentials/,
    );
    expect(run.stderr).not.toContain("not-the-key");
    expect((await runCli(["psa", "status", "--account", "slack:T024BE7LH"], { env })).stdout).toMatch(
      /no PSA connected/,
    );
  });

  it("refuses to store credentials without an encryption key", async () => {
    const { args, stdin } = connectArgs();
    const run = await runCli(args, { stdin, env: { FLOWPILOT_DATA_DIR: dataDir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/FLOWPILOT_ENCRYPTION_KEY must be set/);
    expect(cw.requests).toHaveLength(0);
  });
});
