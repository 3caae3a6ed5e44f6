import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: a plain .mjs module without types
import { ensureBuilt } from "../bin/ensure-built.mjs";
import { fmtMs, percentile, printTable } from "./stats.ts";

/**
 * Start-up cost of the CLI as a user meets it: `flowpilot --help`,
 * `classify`, `generate` and a console start (stdin closed at once), each as
 * a whole process, against a bare `node -e ''` measured in the same run.
 * Target (issue 10): `--help` and `classify` at most 5x a bare node start.
 */
const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/flowpilot.mjs");
const RUNS = 9;
const TARGET_RATIO = 5;

function timeProcess(args: string[], env: NodeJS.ProcessEnv, input = ""): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { env, input, encoding: "utf8" });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function median(samples: number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

export async function runStartupBench(): Promise<void> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "flowpilot-bench-startup-"));
  try {
    const dataDir = join(dir, "data");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FLOWPILOT_DATA_DIR: dataDir,
      FLOWPILOT_ENGINEER_NAME: "Bench Engineer",
      OPENAI_API_KEY: "",
      DATABASE_URL: "",
    };
    // The console's first start creates the embedded database; measure starts after that.
    timeProcess([BIN, "start"], env);
    cpSync(dataDir, join(dir, "template"), { recursive: true });
    const cases: Array<{ name: string; args: string[]; target?: number }> = [
      { name: "node -e ''", args: ["-e", ""] },
      { name: "flowpilot --help", args: [BIN, "--help"], target: TARGET_RATIO },
      {
        name: 'flowpilot classify "quick update for the client"',
        args: [BIN, "classify", "quick update for the client"],
        target: TARGET_RATIO,
      },
      {
        name: "flowpilot generate (example transcript)",
        args: [
          BIN,
          "generate",
          "--transcript",
          join(ROOT, "examples/email-delivery.json"),
          "--audience",
          "client_update",
        ],
      },
      { name: "flowpilot start (console, existing data, stdin closed)", args: [BIN, "start"] },
    ];
    const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
    // Interleaved rounds, so a busy moment of the machine hits every case alike.
    for (let round = 0; round < RUNS; round++) {
      for (const c of cases) samples.get(c.name)!.push(timeProcess(c.args, env));
    }
    const base = median(samples.get(cases[0]!.name)!);
    printTable(
      `CLI start-up, median of ${RUNS} runs (ratio to a bare node start in the same run)`,
      ["command", "median ms", "p90 ms", "ratio", "target"],
      cases.map((c) => {
        const s = [...samples.get(c.name)!].sort((a, b) => a - b);
        const ratio = median(s) / base;
        return [
          c.name,
          fmtMs(median(s)),
          fmtMs(percentile(s, 90)),
          `${ratio.toFixed(1)}x`,
          c.target ? `<= ${c.target}x ${ratio <= c.target ? "ok" : "MISSED"}` : "",
        ];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
