import { describe, expect, it, type TestContext } from "vitest";
import { startFakeBotFramework } from "../adapters/teams/support/fake-bot-framework.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { freePort } from "../support/ports.ts";
import { runCli, spawnBin } from "../support/run-cli.ts";

/**
 * A start-up that cannot work, as a real process: it exits by itself, non-zero,
 * with one line on stderr naming what failed (never a secret), leaves nothing
 * open behind it (the CLI would say so on a second line) and leaves the data
 * folder free for the next start.
 */
const APP_ID = "6f1b2c3d-0000-4aaa-8bbb-c0ffee000003";
const TENANT = "8a1c0d9e-1111-4c2d-9e8f-0123456789ab";
/**
 * From the line naming the failure to the process being gone: it exits by
 * itself rather than hanging. Generous, since a loaded CI machine took 6.9 s.
 */
const GONE_WITHIN_MS = 20_000;

async function fakeSlack({ onTestFinished }: TestContext) {
  const fake = await FakeSlack.start();
  onTestFinished(() => fake.close());
  return fake;
}

/** Runs `flowpilot start` to its end; the exit, its one stderr line, and how long after that line it was gone. */
async function failedStart(env: Record<string, string>, test: TestContext) {
  const dataDir = await freshDataDir();
  const run = spawnBin(["start"], {
    env: { FLOWPILOT_DATA_DIR: dataDir, FLOWPILOT_HTTP_HOST: "127.0.0.1", FLOWPILOT_HTTP_PORT: "0", ...env },
    onTestFinished: test.onTestFinished,
  });
  let saidAt = 0;
  const watch = setInterval(() => {
    if (!saidAt && run.output().stderr.includes("flowpilot: ")) saidAt = Date.now();
  }, 10);
  const exited = await run.exited;
  const goneAfterMs = Date.now() - (saidAt || Date.now());
  clearInterval(watch);
  // The data folder is free: another process opens it.
  expect(await runCli(["stats"], { env: { FLOWPILOT_DATA_DIR: dataDir } })).toMatchObject({ code: 0 });
  return { ...exited, goneAfterMs };
}

describe.concurrent("a start-up that cannot work stops with one line", () => {
  it("Slack refuses SLACK_BOT_TOKEN (auth.test: invalid_auth)", async (test) => {
    const fake = await fakeSlack(test);
    fake.failNext("auth.test", { status: 200, error: "invalid_auth" });
    const run = await failedStart(
      {
        SLACK_BOT_TOKEN: "xoxb-refused-9f3k",
        SLACK_SIGNING_SECRET: "secret-9f3k",
        SLACK_API_URL: fake.apiUrl,
      },
      test,
    );
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "flowpilot: Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)\n",
    });
    expect(fake.callsOf("auth.test").map((c) => c.token)).toEqual(["xoxb-refused-9f3k"]);
    expect(run.goneAfterMs).toBeLessThan(GONE_WITHIN_MS);
  });

  it("Slack cannot be reached (Socket Mode, SLACK_API_URL refusing connections)", async (test) => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
    const run = await failedStart(
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_API_URL: apiUrl },
      test,
    );
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: `flowpilot: Slack could not be reached at ${apiUrl} (auth.test: ECONNREFUSED)\n`,
    });
    expect(run.goneAfterMs).toBeLessThan(GONE_WITHIN_MS);
  });

  it("Slack refuses SLACK_APP_TOKEN (apps.connections.open: not_allowed_token_type)", async (test) => {
    const fake = await fakeSlack(test);
    fake.failNext("apps.connections.open", { status: 200, error: "not_allowed_token_type" });
    const run = await failedStart(
      { SLACK_BOT_TOKEN: "xoxb-ok", SLACK_APP_TOKEN: "xapp-1-wrong-kind-7Qz", SLACK_API_URL: fake.apiUrl },
      test,
    );
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "flowpilot: Slack refused SLACK_APP_TOKEN (apps.connections.open: not_allowed_token_type)\n",
    });
    expect(run.goneAfterMs).toBeLessThan(GONE_WITHIN_MS);
  });

  it("Socket Mode refused after the server started listening: the server is closed too", async (test) => {
    const fake = await fakeSlack(test);
    // The start-up check passes; the client's own call, once the HTTP server listens, is refused.
    fake.failNext("apps.connections.open", { status: 200, error: "invalid_auth" }, 1, 1);
    const run = await failedStart(
      {
        SLACK_BOT_TOKEN: "xoxb-ok",
        SLACK_APP_TOKEN: "xapp-1-revoked",
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: "fatal",
      },
      test,
    );
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr: "flowpilot: Slack refused SLACK_APP_TOKEN (apps.connections.open: invalid_auth)\n",
    });
    expect(fake.callsOf("apps.connections.open")).toHaveLength(2);
    expect(run.goneAfterMs).toBeLessThan(GONE_WITHIN_MS);
  });

  it("Microsoft login refuses MicrosoftAppPassword (AADSTS7000215)", async (test) => {
    const login = await startFakeBotFramework({ appId: APP_ID, tenantId: TENANT });
    test.onTestFinished(() => login.close());
    login.refuseClientSecret();
    const run = await failedStart(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "wrong-secret-Zq8",
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppTenantId: TENANT,
        FLOWPILOT_TEAMS_LOGIN_URL: login.loginUrl,
      },
      test,
    );
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "flowpilot: Microsoft login refused MicrosoftAppPassword (AADSTS7000215: invalid client secret)\n",
    });
    expect(login.tokenRequests.map((r) => r.tenant)).toEqual([TENANT]);
    expect(run.goneAfterMs).toBeLessThan(GONE_WITHIN_MS);
  });
});

describe("the Microsoft login URL setting", () => {
  it("carries the client secret, so plain http is refused except to this machine", async () => {
    const run = await runCli(["start"], {
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "p",
        FLOWPILOT_TEAMS_LOGIN_URL: "http://login.example.com",
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^flowpilot: invalid setting FLOWPILOT_TEAMS_LOGIN_URL: must be https:\/\/ .*\n$/,
    );
  });
});
