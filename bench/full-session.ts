/**
 * One account's full session must not freeze the server for everyone (issue
 * 15): a session at MAX_SESSION_MESSAGES messages of large text (filling
 * MAX_SESSION_TEXT_CHARS), then GET of that session and of its updates over
 * real HTTP while the event-loop delay is sampled and /health is pinged, as
 * another account's calls would be. Figures only; the target (no request
 * blocks the loop for more than 100 ms) is read off the max column.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getOrCreateApiAccount } from "../src/db/api-tokens.ts";
import type { Database } from "../src/db/open.ts";
import { createSession } from "../src/db/sessions.ts";
import { appendMessages } from "../src/db/steps.ts";
import { MAX_SESSION_MESSAGES, MAX_SESSION_TEXT_CHARS } from "../src/domain/index.ts";
import { makeLongSession } from "../test/support/long-session.ts";
import { benchDatabases, startBenchApi } from "./api-server.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

const GETS = 5;
const CHARS_PER_MESSAGE = Math.floor(MAX_SESSION_TEXT_CHARS / MAX_SESSION_MESSAGES) - 1;
const LOG_LINE =
  " | 2026-03-23T14:12:07Z RVF-APP02 OrderPoint[4120]: query timeout after 30000 ms (waiting on LOGWRITE)";

/** The long-session story's messages, each padded with log lines to the session's average budget. */
function fullSessionMessages(): { author: "engineer" | "client" | "assistant"; text: string }[] {
  const transcript = makeLongSession(MAX_SESSION_MESSAGES) as {
    messages: { author: "engineer" | "client" | "assistant"; text: string }[];
  };
  return transcript.messages.map((m) => {
    let text = m.text;
    while (text.length + LOG_LINE.length <= CHARS_PER_MESSAGE) text += LOG_LINE;
    return { author: m.author, text };
  });
}

async function measure(label: string, db: Database) {
  const prisma = db.prisma;
  const api = await startBenchApi(db);
  const accountId = (await getOrCreateApiAccount(prisma, "bench")).id;
  const session = await createSession(prisma, { accountId, ticketId: "TKT-9150" });
  const messages = fullSessionMessages();
  for (let i = 0; i < messages.length; i += 250)
    await appendMessages(prisma, session.id, messages.slice(i, i + 250));
  const size = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
  const rows: (string | number)[][] = [];
  try {
    for (const [name, path] of [
      ["GET session", `/ai-sessions/${session.id}`],
      ["GET updates", `/ai-sessions/${session.id}/updates`],
    ] as const) {
      await api.call("GET", path); // warm-up
      const loop = monitorEventLoopDelay({ resolution: 5 });
      const latencies: number[] = [];
      const health: number[] = [];
      let running = true;
      // Another account's cheap calls meanwhile: how long they wait is what a frozen loop costs them.
      const pinger = (async () => {
        while (running) {
          const started = performance.now();
          await fetch(`${api.url}/health`).then((r) => r.text());
          health.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      loop.enable();
      for (let i = 0; i < GETS; i++) {
        const started = performance.now();
        await api.call("GET", path);
        latencies.push(performance.now() - started);
      }
      loop.disable();
      running = false;
      await pinger;
      latencies.sort((a, b) => a - b);
      health.sort((a, b) => a - b);
      rows.push([
        label,
        name,
        fmtMs(percentile(latencies, 50)),
        fmtMs(percentile(latencies, 99)),
        fmtMs(loop.percentile(50) / 1e6),
        fmtMs(loop.percentile(99) / 1e6),
        fmtMs(loop.max / 1e6),
        fmtMs(percentile(health, 99)),
      ]);
    }
  } finally {
    await api.close();
  }
  return { rows, messages: size.messageCount, chars: size.textChars };
}

export async function runFullSessionBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for await (const { label, db } of benchDatabases()) {
    const r = await measure(label, db);
    rows.push(...r.rows);
    if (label === "PGlite")
      console.log(`session: ${r.messages} messages, ${r.chars.toLocaleString("en-US")} characters`);
  }
  printTable(
    `A full session (${MAX_SESSION_MESSAGES} messages of ~${CHARS_PER_MESSAGE} characters), ${GETS} GETs each, /health pinged meanwhile`,
    ["backend", "request", "p50 ms", "p99 ms", "loop p50 ms", "loop p99 ms", "loop max ms", "/health p99 ms"],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runFullSessionBench();
