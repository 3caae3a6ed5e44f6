/**
 * Building the session account (issue 25): a first read of a long session
 * (memos cleared every run), p50/p95 for 1,000 and 5,000 messages, and the
 * longest the event loop waits while the sliced reader runs.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildSessionAccount, readSessionAccount } from "../src/engine/account/index.ts";
import { forgetReadStatementActs } from "../src/engine/account/read-statement.ts";
import { forgetReadSessions } from "../src/engine/context/session-facts.ts";
import { transcriptSchema, transcriptToSnapshot } from "../src/engine/transcript.ts";
import { makeLongSession } from "../test/support/long-session.ts";
import { fmtMs, percentile, printTable, timeRuns } from "./stats.ts";

const TARGETS: Record<number, number> = { 1000: 50, 5000: 250 };

export async function runAccountBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const size of [1000, 5000]) {
    const session = transcriptToSnapshot(transcriptSchema.parse(makeLongSession(size, { seed: size })));
    const fresh = () => {
      forgetReadSessions();
      forgetReadStatementActs();
    };
    const runs = size >= 5000 ? 10 : 20;
    const whole = await timeRuns(runs, 2, () => {
      fresh();
      buildSessionAccount(session);
    });
    fresh();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const started = performance.now();
    await readSessionAccount(session);
    const sliced = performance.now() - started;
    // The delay monitor records a block when its timer next fires: wait for it, or the last synchronous piece goes uncounted.
    await new Promise((resolve) => setTimeout(resolve, 2));
    loop.disable();
    const maxBlock = loop.max / 1e6;
    const target = TARGETS[size]!;
    rows.push([
      size,
      fmtMs(percentile(whole, 50)),
      fmtMs(percentile(whole, 95)),
      `<= ${target} ms ${percentile(whole, 95) <= target ? "ok" : "MISSED"}`,
      fmtMs(sliced),
      `${fmtMs(maxBlock)} ${maxBlock <= 50 ? "ok" : "MISSED"}`,
    ]);
  }
  printTable(
    "Session account, first read (statement reader + rules), ms",
    ["messages", "p50", "p95", "target p95", "sliced read", "longest loop block (<= 50)"],
    rows,
  );
}
