/**
 * Secret detection at intake: the detector's cost per message (p50/p99) on
 * ordinary chat lines and on lines that carry a secret, and intake throughput
 * (control-character cleaning alone, and with the detector).
 * Target (issue 11): under 0.2 ms p99 for an ordinary chat message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanIncomingText } from "../src/engine/intake/clean-text.ts";
import { intakeText } from "../src/engine/intake/intake-text.ts";
import { redactSecrets } from "../src/secrets/index.ts";
import { SHARED_EVAL_DIR } from "../test/support/eval-dir.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

/** The corpora: the first three sets, and the blind set of issue 27. */
const CORPORA = [
  join(import.meta.dirname, "../test/secrets/corpus"),
  join(import.meta.dirname, "../test/secrets/corpus-issue27"),
];
const SESSIONS = [
  join(SHARED_EVAL_DIR, "sessions"),
  join(import.meta.dirname, "../test/engine/fixtures/sessions"),
];
const TARGET_P99_MS = 0.2;
const ROUNDS = 20;

/** Every message of the eval and fixture sessions: ordinary chat as engineers type it. */
function ordinaryLines(): string[] {
  const lines: string[] = [];
  for (const dir of SESSIONS)
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))) {
      const t = JSON.parse(readFileSync(join(dir, file), "utf8")) as { messages: Array<{ text: string }> };
      lines.push(...t.messages.map((m) => m.text));
    }
  return lines;
}

/** The look-alike lines of the corpora: ordinary text chosen to resemble secrets. */
function lookAlikeLines(): string[] {
  return CORPORA.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith("negatives.txt"))
      .flatMap((f) => readFileSync(join(dir, f), "utf8").trim().split("\n")),
  );
}

function secretLines(): string[] {
  return CORPORA.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith("positives.jsonl"))
      .flatMap((f) => readFileSync(join(dir, f), "utf8").trim().split("\n"))
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

async function timeEach(lines: readonly string[], fn: (text: string) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const line of lines) {
      const started = performance.now();
      await fn(line);
      out.push(performance.now() - started);
    }
  return out.sort((a, b) => a - b);
}

async function throughput(lines: readonly string[], fn: (text: string) => unknown): Promise<number> {
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const line of lines) await fn(line);
  return (lines.length * ROUNDS) / ((performance.now() - started) / 1000);
}

export async function runSecretsBench(): Promise<void> {
  const ordinary = ordinaryLines();
  const lookAlikes = lookAlikeLines();
  const secret = secretLines();
  await timeEach(ordinary.slice(0, 50), redactSecrets); // warm-up: regexes compiled, secretlint loaded
  await timeEach(secret.slice(0, 50), redactSecrets);

  const rows: (string | number)[][] = [];
  for (const [name, lines] of [
    [`ordinary chat messages (${ordinary.length})`, ordinary],
    [`look-alike lines (${lookAlikes.length})`, lookAlikes],
    [`lines with a secret (${secret.length})`, secret],
  ] as const) {
    const t = await timeEach(lines, redactSecrets);
    const p99 = percentile(t, 99);
    rows.push([
      name,
      fmtMs(percentile(t, 50) * 1000) + " µs",
      fmtMs(p99 * 1000) + " µs",
      name.startsWith("ordinary")
        ? `<= ${TARGET_P99_MS * 1000} µs ${p99 <= TARGET_P99_MS ? "ok" : "MISSED"}`
        : "",
    ]);
  }
  printTable(
    "Secret detector per message (FlowPilot rules + secretlint)",
    ["lines", "p50", "p99", "target p99"],
    rows,
  );

  const mixed = [...ordinary, ...secret.slice(0, Math.round(ordinary.length / 20))];
  const clean = await throughput(mixed, cleanIncomingText);
  const full = await throughput(mixed, (t) => intakeText(t));
  printTable(
    "Intake throughput on chat (5% of lines carry a secret)",
    ["intake", "messages/s", "ratio"],
    [
      ["control characters only", Math.round(clean).toLocaleString("en-US"), "1.00x"],
      ["with the secret detector", Math.round(full).toLocaleString("en-US"), `${(full / clean).toFixed(3)}x`],
    ],
  );
}
