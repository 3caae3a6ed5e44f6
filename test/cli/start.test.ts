import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { CONSOLE_ACCOUNT } from "../../src/adapters/console/index.ts";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { openDatabase } from "../../src/db/open.ts";
import { upsertUser } from "../../src/db/users.ts";
import { freshDataDir } from "../support/data-dir.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { runCli, startCli } from "../support/run-cli.ts";
import { REPO_ROOT } from "../support/session-expectations.ts";

/** The demo script the README shows, so the README's example stays true. */
async function readmeScript(): Promise<string> {
  const readme = await readFile(join(REPO_ROOT, "README.md"), "utf8");
  const match = /cat > demo\.txt <<'SCRIPT'\n([\s\S]*?)\nSCRIPT\n/.exec(readme);
  if (!match) throw new Error("README has no demo script");
  return `${match[1]}\n`;
}

describe("flowpilot start (console, scripted on stdin)", () => {
  it("runs the README's demo on a fresh data folder with no credentials", async () => {
    const run = await runCli(["start"], {
      stdin: await readmeScript(),
      env: {
        FLOWPILOT_DATA_DIR: await freshDataDir({ empty: true }),
        FLOWPILOT_ENGINEER_NAME: "Michael Chihlas",
      },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Hi Acme Medical Group — quick update on the email delivery issue");
    expect(out).toContain("Who is this update for?");
    expect(out).toContain("How detailed?");
    expect(out).toMatch(/Subject: Update: Email delivery issue — TKT-2847/);
    expect(out).toMatch(/Michael Chihlas\nResolutionFlow/);
    expect(out).toMatch(/Updates \(2\)/);
    expect(out).toContain("Session resolved");
  });

  it("stops with one line naming a bad setting", async () => {
    const run = await runCli(["start"], { env: { OPENAI_BASE_URL: "not a url", OPENAI_API_KEY: "sk-test" } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^flowpilot: invalid setting OPENAI_BASE_URL: /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("closes cleanly when asked to stop, releasing the data folder", async () => {
    const env = { FLOWPILOT_DATA_DIR: await freshDataDir(), FLOWPILOT_ENGINEER_NAME: "Sam Okafor" };
    const console = startCli(["start"], { env });
    await console.waitFor(/FlowPilot console/);
    console.stop("SIGINT");
    expect((await console.done).code).toBe(0);
    expect((await runCli(["stats"], { env })).code).toBe(0);
  });
});

describe("flowpilot start with chat platform settings", () => {
  it("serves Slack on the HTTP server with the REST API instead of the console, its token checked first", async () => {
    const slack = await FakeSlack.start();
    onTestFinished(() => slack.close());
    const env = {
      FLOWPILOT_DATA_DIR: await freshDataDir(),
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: "0",
      SLACK_SIGNING_SECRET: "test-signing-secret",
      SLACK_BOT_TOKEN: "xoxb-cli-test",
      SLACK_API_URL: slack.apiUrl,
    };
    const bot = startCli(["start"], { env });
    await bot.waitFor(/Serving Slack \(HTTP, \/slack\/events\)/);
    const { stdout } = bot.output();
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).not.toMatch(/FlowPilot console/);
    expect(slack.callsOf("auth.test").map((call) => call.token)).toEqual(["xoxb-cli-test"]);
    bot.stop("SIGTERM");
    expect((await bot.done).code).toBe(0);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_CLIENT_ID: "1.2", SLACK_SIGNING_SECRET: "s" }, "SLACK_CLIENT_SECRET"],
    [{ MicrosoftAppId: "00000000-0000-4000-8000-000000000001" }, "MicrosoftAppPassword"],
    [
      {
        MicrosoftAppId: "00000000-0000-4000-8000-000000000001",
        MicrosoftAppPassword: "p",
        MicrosoftAppType: "SingleTenant",
      },
      "MicrosoftAppTenantId",
    ],
  ])("a partial platform setting stops start-up naming what is missing (%j)", async (settings, missing) => {
    const run = await runCli(["start"], { env: settings });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(new RegExp(`^flowpilot: invalid setting ${missing}: `));
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("the engineer's name in sign-offs", () => {
  const script = [
    "/flowpilot start TKT-77 Printer offline --client Harbor Dental",
    "Front desk printer shows offline for everyone.",
    "Power-cycled it and re-added the queue; test page printed.",
    "quick email draft for the client",
    "",
  ].join("\n");

  it("asks an interactive engineer once, refuses a command as the name, uses the answer, and remembers it on the next start", async () => {
    const env = { FLOWPILOT_DATA_DIR: await freshDataDir() };
    const first = startCli(["start"], { env, tty: true });
    await first.waitFor(/Your name, as it should sign/);
    first.stdin.write("/flowpilot help\n");
    await first.waitFor(
      /"\/flowpilot help" is a command, not a name\. Type your full name\.\nYour name, as it should sign/,
    );
    await first.type(["Dana Whitfield", ...script.split("\n")]);
    const out = (await first.done).stdout;
    expect(out).toMatch(/Dana Whitfield/);
    expect(out).toMatch(/Subject: .*TKT-77[\s\S]*\nDana Whitfield\n/);

    const second = await runCli(["start"], { env, stdin: "/flowpilot history\n" });
    expect(second.stdout).not.toMatch(/Your name, as it should sign/);
    const third = await runCli(["start"], { env, stdin: "detailed email draft for the client\n" });
    expect(third.stdout).toMatch(/\nDana Whitfield\n/);
  });

  it("asks again for a stored name that cannot be one (an answer taken before the prompt refused commands)", async () => {
    const env = { FLOWPILOT_DATA_DIR: await freshDataDir() };
    const db = await openDatabase({ dataDir: env.FLOWPILOT_DATA_DIR });
    const account = await getOrCreateAccount(db.prisma, CONSOLE_ACCOUNT);
    await upsertUser(db.prisma, {
      accountId: account.id,
      platformUserId: `console:${userInfo().username}`,
      displayName: "/flowpilot help",
    });
    await db.close();
    const run = startCli(["start"], { env, tty: true });
    await run.waitFor(/Your name, as it should sign/);
    await run.type(["Dana Whitfield", ...script.split("\n")]);
    const out = (await run.done).stdout;
    expect(out).toMatch(/\nDana Whitfield\n/);
    expect(out).not.toMatch(/\n\/flowpilot help\n/);
  });

  it("/flowpilot name changes the name for good: the next start signs with it", async () => {
    const env = { FLOWPILOT_DATA_DIR: await freshDataDir() };
    const renamed = await runCli(["start"], {
      env: { ...env, FLOWPILOT_ENGINEER_NAME: "Jo Bloggs" },
      stdin: "/flowpilot name Dana Whitfield\n",
    });
    expect(renamed.stdout).toMatch(
      /FLOWPILOT_ENGINEER_NAME is set, so the next start signs "Jo Bloggs" again/,
    );
    const next = await runCli(["start"], { env, stdin: script });
    expect(next.stdout).toMatch(/Subject: .*TKT-77[\s\S]*\nDana Whitfield\n/);
  });

  it("without a name and without a terminal, says how to set one and never signs with the account name", async () => {
    const run = await runCli(["start"], { env: { FLOWPILOT_DATA_DIR: await freshDataDir() }, stdin: script });
    expect(run.stdout).toContain("FLOWPILOT_ENGINEER_NAME");
    expect(run.stdout).toMatch(/\nYour support team\n?/);
    expect(run.stdout).not.toMatch(/\nroot\n|console:/);
  });
});
