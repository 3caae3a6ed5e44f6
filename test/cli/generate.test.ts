import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { SHARED_EVAL_DIR } from "../support/session-expectations.ts";

const EMAIL = join(SHARED_EVAL_DIR, "sessions/email-delivery.json");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowpilot-cli-"));
});

describe("flowpilot generate", () => {
  it("prints the update text", async () => {
    const run = await runCli([
      "generate",
      "--transcript",
      EMAIL,
      "--audience",
      "email_draft",
      "--length",
      "quick",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Subject: Update: Email delivery issue — TKT-2847\n/);
    expect(run.stdout).toContain("Michael Chihlas");
  });

  it("prints the API response body with --json", async () => {
    const run = await runCli(["generate", "--transcript", EMAIL, "--audience", "ticket_notes", "--json"]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({
      audience: "ticket_notes",
      length: "detailed",
      context: "update",
      session_status: "identified",
      time_spent_minutes: 22,
      generated_at: "2026-03-23T14:30:00.000Z",
    });
    expect(body.steps_completed).toBeGreaterThanOrEqual(3);
    expect(body.content).toMatch(/\*\*Status: Identified\*\*/);
  });

  it("applies --templates and --context", async () => {
    const run = await runCli([
      "generate",
      "--transcript",
      EMAIL,
      "--audience",
      "client_update",
      "--context",
      "resolution",
      "--templates",
      '{"client_tone":"formal"}',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dear Acme Medical Group,/);
  });

  it.each([
    [
      ["--transcript", "/nope/missing.json", "--audience", "ticket_notes"],
      /no such file: \/nope\/missing\.json/,
    ],
    [["--transcript", "BAD_JSON", "--audience", "ticket_notes"], /is not valid JSON/],
    [["--transcript", "NO_MESSAGES", "--audience", "ticket_notes"], /transcript field "messages"/],
    [["--transcript", EMAIL, "--audience", "slack_post"], /audience/],
    [["--transcript", EMAIL], /--audience/],
    [
      ["--transcript", EMAIL, "--audience", "ticket_notes", "--templates", '{"client_tone":"rude"}'],
      /client_tone/,
    ],
  ])("exits 2 with one line naming the problem: %j", async (args, message) => {
    await writeFile(join(dir, "bad.json"), "{ nope");
    await writeFile(join(dir, "no-messages.json"), JSON.stringify({ started_at: "2026-01-01T00:00:00Z" }));
    const resolved = args.map((a) =>
      a === "BAD_JSON" ? join(dir, "bad.json") : a === "NO_MESSAGES" ? join(dir, "no-messages.json") : a,
    );
    const run = await runCli(["generate", ...resolved]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
