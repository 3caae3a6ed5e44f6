import { forgetReadSessions } from "../src/engine/context/session-facts.ts";
import { generateStatusUpdate } from "../src/engine/generate.ts";
import { redactSnapshot } from "../src/engine/intake/redact-session.ts";
import { transcriptSchema, transcriptToSnapshot } from "../src/engine/transcript.ts";
import { AUDIENCES, LENGTHS } from "../src/engine/types.ts";
import { makeLongSession } from "../test/support/long-session.ts";
import { fmtMiB, fmtMs, percentile, printTable, timeRuns } from "./stats.ts";

const SIZES = [10, 100, 1_000, 10_000] as const;
const TARGET_P95_MS: Record<number, number> = { 1000: 50, 10000: 500 };

/**
 * Offline generation time per update (all audiences x lengths, rotating) and
 * peak memory, for sessions of 10 to 10,000 messages. The timed runs are the
 * app's path: a stored session, whose messages passed the intake (secrets
 * redacted) and were read by an earlier update. "first" is the cold case: a
 * transcript never seen by this process, redacted and read statement by
 * statement from scratch.
 */
export async function runGenerationBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const transcript = transcriptToSnapshot(
      transcriptSchema.parse(makeLongSession(size, { seed: 7, pauses: 3 })),
    );
    const combos = AUDIENCES.flatMap((audience) => LENGTHS.map((length) => ({ audience, length })));
    forgetReadSessions();
    const coldStart = performance.now();
    await generateStatusUpdate(transcript, combos[0]!);
    const cold = performance.now() - coldStart;
    const snapshot = await redactSnapshot(transcript);
    let i = 0;
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const runs = size >= 10_000 ? 30 : 120;
    const durations = await timeRuns(runs, 5, async () => {
      await generateStatusUpdate(snapshot, combos[i++ % combos.length]!);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    const p95 = percentile(durations, 95);
    const target = TARGET_P95_MS[size];
    rows.push([
      size,
      runs,
      fmtMs(cold),
      fmtMs(percentile(durations, 50)),
      fmtMs(p95),
      fmtMs(durations.at(-1)!),
      target ? `${target} (${p95 <= target ? "met" : "MISSED"}, ${(p95 / target).toFixed(2)}x)` : "-",
      fmtMiB(peakRss),
      fmtMiB(peakRss - baseRss),
    ]);
  }
  printTable(
    "Offline update generation (ms per update, all audiences x lengths)",
    ["messages", "runs", "first", "p50", "p95", "max", "p95 target", "peak RSS MiB", "RSS growth MiB"],
    rows,
  );
}
