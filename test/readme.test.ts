import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDataDir } from "./support/data-dir.ts";
import { type FakeConnectWise, startFakeConnectWise } from "./support/fake-connectwise.ts";
import { freePort } from "./support/ports.ts";
import { REPO_ROOT } from "./support/session-expectations.ts";

/**
 * Every shell block of the README runs as printed (bash, from the project
 * root, on a fresh data folder), so the README cannot drift from the product.
 * Two blocks are checked rather than run: the newcomer's `npm ci && npm start`
 * / `npm test` (CI runs exactly those; here `npm start` runs on its own) and
 * the development commands (their scripts must exist).
 */
const README = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

/** ```sh blocks, list-item indentation removed. */
function shellBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^( *)```sh\n([\s\S]*?)^\1```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    const indent = m[1]!.length;
    blocks.push(
      m[2]!
        .split("\n")
        .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
        .join("\n"),
    );
  }
  return blocks;
}

const blocks = shellBlocks(README);
const NEWCOMER = blocks[0]!;
const DEVELOPMENT = blocks.find((b) => b.includes("npm run lint"))!;
const RUNNABLE = blocks.filter((b) => b !== NEWCOMER && b !== DEVELOPMENT);

/** What each runnable block must print, keyed by a command it contains. */
const EXPECTED: Array<{ when: string; prints: RegExp[] }> = [
  {
    when: "cat > demo.txt",
    prints: [
      /Hi Acme Medical Group — quick update/,
      /Subject: .*TKT-2847/,
      /Michael Chihlas\nResolutionFlow/,
      /Session resolved/,
    ],
  },
  {
    when: "generate --transcript examples/",
    prints: [/Hi Summit|Hi Acme/, /"session_status": "resolved"/, /"intent":"status_update"/],
  },
  {
    when: "psa connect",
    prints: [/Connected console:local to ConnectWise/, /console:local: ConnectWise at http:\/\/127\.0\.0\.1/],
  },
  { when: "serve &", prints: [/"recorded":2/, /Hi Acme Medical Group/, /active\s+\S+\s+\S+\s+psa sync/] },
];

function bash(script: string, env: NodeJS.ProcessEnv, stdin?: "ignore") {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("bash", ["-e", "-o", "pipefail", "-c", script], {
      cwd: REPO_ROOT,
      env,
      stdio: [stdin ?? "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end();
  });
}

describe("README", () => {
  let cw: FakeConnectWise;
  const before = new Set(readdirSync(REPO_ROOT));
  beforeAll(async () => {
    cw = await startFakeConnectWise();
    // The first `npx flowpilot` on a machine links the project into npm's cache (running its
    // install scripts, which must then do nothing); after it the blocks can run side by side.
    const first = await bash("npx flowpilot --help", await environment());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
  });
  afterAll(async () => {
    await cw.close();
    // Files a block wrote into the project root (demo.txt) go away again.
    for (const name of readdirSync(REPO_ROOT))
      if (!before.has(name)) rmSync(join(REPO_ROOT, name), { force: true, recursive: true });
  });

  /** The environment a block runs in: a data folder of its own (already migrated unless `firstStart`), a free port. */
  async function environment(firstStart = false): Promise<NodeJS.ProcessEnv> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env))
      if (/^(OPENAI_|DATABASE_URL$|FLOWPILOT_|CONNECTWISE_|npm_)/.test(name)) delete env[name];
    return {
      ...env,
      FLOWPILOT_DATA_DIR: await freshDataDir({ empty: firstStart }),
      FLOWPILOT_HTTP_HOST: "127.0.0.1",
      FLOWPILOT_HTTP_PORT: String(await freePort()),
      FLOWPILOT_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      LOG_LEVEL: "warn",
      CW_SITE: cw.settings.site,
      CW_COMPANY: cw.settings.companyId,
      CW_PUBLIC_KEY: cw.settings.publicKey,
      CW_PRIVATE_KEY: cw.settings.privateKey,
      CW_CLIENT_ID: cw.settings.clientId,
    };
  }

  it("starts with the two commands a newcomer needs, and `npm start` runs with no credentials", async () => {
    expect(
      NEWCOMER.split("\n")
        .map((l) => l.replace(/\s+#.*$/, "").trim())
        .filter(Boolean),
    ).toEqual(["npm ci && npm start", "npm test"]);
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts;
    expect(scripts.test).toBe("vitest run");
    const run = await bash("npm start", await environment(true), "ignore");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("FlowPilot console");
  });

  it("names development commands that exist", () => {
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts;
    for (const [, name] of DEVELOPMENT.matchAll(/npm run (\S+)/g))
      expect(scripts, name).toHaveProperty(name!);
  });

  it("has a check for every block it runs", () => {
    expect(RUNNABLE.length).toBe(EXPECTED.length);
    for (const block of RUNNABLE)
      expect(
        EXPECTED.some((e) => block.includes(e.when)),
        block,
      ).toBe(true);
  });

  // The blocks are independent (own data folder and port), so they run side by side.
  it.concurrent.each(RUNNABLE.map((block) => [block.split("\n")[0]!.slice(0, 70), block]))(
    "runs as printed: %s",
    async (_title, block) => {
      const run = await bash(block, await environment());
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stderr).not.toMatch(/flowpilot: (?!note:)|Error|error:/);
      for (const pattern of EXPECTED.find((e) => block.includes(e.when))!.prints)
        expect(run.stdout, run.stderr).toMatch(pattern);
    },
  );

  it("shows a transcript that `generate` accepts as printed", async () => {
    const json = /### Transcript format[\s\S]*?```json\n([\s\S]*?)```/.exec(README)![1]!;
    const env = await environment();
    const run = await bash(
      `f=$(mktemp); cat > "$f" <<'JSON'\n${json}JSON\nnode bin/flowpilot.mjs generate --transcript "$f" --audience ticket_notes --length quick`,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Email delivery issue/);
  });
});
