import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
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
    const dataDir = join(await mkdtemp(join(tmpdir(), "flowpilot-start-")), "data");
    const run = await runCli(["start"], {
      stdin: await readmeScript(),
      env: { FLOWPILOT_DATA_DIR: dataDir, FLOWPILOT_ENGINEER_NAME: "Michael Chihlas" },
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
});
