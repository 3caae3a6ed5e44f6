import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, type TestContext, vi } from "vitest";
import { SHUTDOWN_GRACE_MS } from "../../src/app/shutdown.ts";
import { CHANNEL, ENGINEER, SIGNING_SECRET, sign } from "../adapters/slack/slack-harness.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { freePort } from "../support/ports.ts";
import { runCli, spawnBin } from "../support/run-cli.ts";

/**
 * Every way FlowPilot runs, as a real process, stopped by a real signal: it
 * exits within 10 s (finishing acknowledged work, or abandoning it once the
 * grace is over), exits 0, leaves nothing open behind it, and releases the
 * data folder so the next start works. One process per mode, all at once.
 */
const EXIT_WITHIN_MS = 10_000;
/** What the CLI says on stderr when something it did not close kept the process alive. */
const LEFT_OPEN = /exiting with \d+ handle\(s\) still open/;
/** Socket Mode keeps trying; these tests wait for what it does, patiently. */
// Several processes start at once here, each compiling PGlite: on a busy machine that takes a while.
const PATIENT = { timeout: 90_000, interval: 50 };

type Running = ReturnType<typeof spawnBin>;

async function stopAndTime(run: Running, signal: NodeJS.Signals) {
  const sent = Date.now();
  run.child.kill(signal);
  const exited = await run.exited;
  return { ...exited, ms: Date.now() - sent };
}

/** The data folder is free: a second FlowPilot opens it (a CLI job opens it itself when nobody holds it). */
async function expectReleased(dataDir: string) {
  const stats = await runCli(["stats"], { env: { FLOWPILOT_DATA_DIR: dataDir } });
  expect(stats).toMatchObject({ code: 0, stderr: "" });
}

async function fakeSlack({ onTestFinished }: TestContext) {
  const fake = await FakeSlack.start();
  fake.users.set(ENGINEER.id, { id: ENGINEER.id, name: ENGINEER.name });
  onTestFinished(() => fake.close());
  return fake;
}

const slashCommand = (fake: FakeSlack, text: string, trigger: string) => ({
  team_id: fake.team.id,
  channel_id: CHANNEL,
  user_id: ENGINEER.id,
  command: "/flowpilot",
  text,
  api_app_id: "A0FLOW",
  response_url: fake.responseUrl(trigger),
  trigger_id: trigger,
});

async function baseEnv(extra: Record<string, string> = {}) {
  return {
    FLOWPILOT_DATA_DIR: await freshDataDir(),
    FLOWPILOT_HTTP_HOST: "127.0.0.1",
    FLOWPILOT_HTTP_PORT: "0",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

describe.concurrent("every mode stops within 10 s of SIGTERM or SIGINT", () => {
  it("the console, its input still open, on SIGINT", async (test) => {
    const env = await baseEnv({ FLOWPILOT_ENGINEER_NAME: "Sam Ortiz" });
    const terminal = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    await terminal.waitFor(/FlowPilot console/);
    const stopped = await stopAndTime(terminal, "SIGINT");
    expect(stopped).toMatchObject({ code: 0, stderr: "" });
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("the REST API (flowpilot serve), with the retention job scheduled, on SIGTERM", async (test) => {
    const env = await baseEnv({ FLOWPILOT_RETENTION_DAYS: "90" });
    const api = spawnBin(["serve"], { env, onTestFinished: test.onTestFinished });
    await api.waitFor(/listening on http/);
    const stopped = await stopAndTime(api, "SIGTERM");
    expect(stopped).toMatchObject({ code: 0, stderr: "" });
    expect(stopped.stdout).toMatch(/Stopped \(SIGTERM\)\.\n$/);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("Slack over HTTP finishes the session header it acknowledged before stopping on SIGTERM", async (test) => {
    const fake = await fakeSlack(test);
    const env = await baseEnv({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-shutdown-http",
      SLACK_API_URL: fake.apiUrl,
    });
    const bot = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    const url = (await bot.waitFor(/listening on (http:\/\/\S+) /))[1]!;
    await bot.waitFor(/Serving Slack \(HTTP/);
    // Slack answers the header's chat.postMessage slowly: the work is still running when the signal comes.
    fake.delay("chat.postMessage", 2_000);
    const body = new URLSearchParams(slashCommand(fake, "start T-501 Printer offline", "t-501")).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const ack = await fetch(`${url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": sign(body, timestamp),
      },
      body,
    });
    expect(ack.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsOf("chat.postMessage")).toHaveLength(1), PATIENT);
    const stopped = await stopAndTime(bot, "SIGTERM");
    expect(stopped).toMatchObject({ code: 0, stderr: "" });
    expect(stopped.stdout).toMatch(/Stopped \(SIGTERM\)\.\n$/);
    expect(fake.messages.some((m) => /T-501/.test(FakeSlack.textOf(m)))).toBe(true);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("Slack in Socket Mode abandons work still running after the grace, says how much, and stops on SIGINT", async (test) => {
    const fake = await fakeSlack(test);
    const env = await baseEnv({
      SLACK_BOT_TOKEN: "xoxb-shutdown-socket",
      SLACK_APP_TOKEN: "xapp-1-A0FLOW-shutdown",
      SLACK_API_URL: fake.apiUrl,
    });
    const bot = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    await bot.waitFor(/Serving Slack \(Socket Mode\)/);
    await vi.waitFor(() => expect(fake.socketConnections).toBe(1), PATIENT);
    // Slack never answers the header's chat.postMessage: the work outlives the grace.
    fake.delay("chat.postMessage", Number.POSITIVE_INFINITY);
    fake.sendEnvelope({
      envelope_id: "env-shutdown",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommand(fake, "start T-502 VPN drops", "t-502"),
    });
    await vi.waitFor(() => expect(fake.socketAcks.has("env-shutdown")).toBe(true), PATIENT);
    await vi.waitFor(() => expect(fake.callsOf("chat.postMessage")).toHaveLength(1), PATIENT);
    const stopped = await stopAndTime(bot, "SIGINT");
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/Stopped \(SIGINT\); 1 unfinished piece\(s\) of work abandoned\.\n$/);
    const abandoned = stopped.stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === "shutdown: work still running after the grace was abandoned");
    expect(abandoned).toMatchObject({ abandonedWork: 1, cutRequests: 0, graceMs: SHUTDOWN_GRACE_MS });
    // Counts only: nothing the engineer typed.
    expect(stopped.stderr).not.toMatch(/VPN drops/);
    expect(stopped.ms).toBeGreaterThanOrEqual(SHUTDOWN_GRACE_MS);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("Socket Mode that never connected (Slack's WebSocket refused, the client retrying) stops on SIGTERM", async (test) => {
    const fake = await fakeSlack(test);
    fake.socketUrl = `ws://127.0.0.1:${await freePort()}/socket`;
    const env = await baseEnv({
      SLACK_BOT_TOKEN: "xoxb-shutdown-never",
      SLACK_APP_TOKEN: "xapp-1-A0FLOW-never",
      SLACK_API_URL: fake.apiUrl,
    });
    const bot = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    // The token check, then the client's own call for a WebSocket URL it cannot connect to.
    await vi.waitFor(() => expect(fake.callsOf("apps.connections.open")).toHaveLength(2), PATIENT);
    await sleep(500);
    const stopped = await stopAndTime(bot, "SIGTERM");
    expect(stopped).toMatchObject({ code: 0, stdout: "Stopped (SIGTERM) before start-up finished.\n" });
    expect(stopped.stderr).not.toMatch(LEFT_OPEN);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("Teams, its Microsoft login unreachable at start (a warning, then served), on SIGTERM", async (test) => {
    const env = await baseEnv({
      MicrosoftAppId: "6f1b2c3d-0000-4aaa-8bbb-c0ffee000002",
      MicrosoftAppPassword: "shutdown-test-password",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "8a1c0d9e-1111-4c2d-9e8f-0123456789ab",
      FLOWPILOT_TEAMS_LOGIN_URL: `http://127.0.0.1:${await freePort()}`,
    });
    const bot = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    await bot.waitFor(/Serving Teams \(SingleTenant, \/api\/messages\)/);
    expect(bot.output().stderr).toMatch(
      /Microsoft login could not be reached, MicrosoftAppPassword not checked/,
    );
    expect(bot.output().stderr).not.toContain("shutdown-test-password");
    const stopped = await stopAndTime(bot, "SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).not.toMatch(LEFT_OPEN);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });

  it("all together (REST, Slack Socket Mode reconnecting after a drop, Teams), on SIGTERM", async (test) => {
    const fake = await fakeSlack(test);
    const env = await baseEnv({
      SLACK_BOT_TOKEN: "xoxb-shutdown-all",
      SLACK_APP_TOKEN: "xapp-1-A0FLOW-all",
      SLACK_API_URL: fake.apiUrl,
      FLOWPILOT_TEAMS_ALLOW_ANONYMOUS: "true",
      FLOWPILOT_RETENTION_DAYS: "30",
    });
    const bot = spawnBin(["start"], { env, onTestFinished: test.onTestFinished });
    await bot.waitFor(/Serving Teams \(unauthenticated/);
    expect(bot.output().stdout).toMatch(/Serving Slack \(Socket Mode\)/);
    await vi.waitFor(() => expect(fake.socketConnections).toBe(1), PATIENT);
    // The connection drops and Slack's WebSocket stops answering: the client is reconnecting.
    fake.socketUrl = `ws://127.0.0.1:${await freePort()}/socket`;
    fake.dropSockets();
    await vi.waitFor(() => expect(fake.callsOf("apps.connections.open")).toHaveLength(3), PATIENT);
    const stopped = await stopAndTime(bot, "SIGTERM");
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/Stopped \(SIGTERM\)\.\n$/);
    expect(stopped.stderr).not.toMatch(LEFT_OPEN);
    expect(stopped.ms).toBeLessThan(EXIT_WITHIN_MS);
    await expectReleased(env.FLOWPILOT_DATA_DIR);
  });
});
