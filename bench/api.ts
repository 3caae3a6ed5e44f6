/**
 * The REST API under load (issue 15), over real HTTP on 127.0.0.1, on PGlite
 * and PostgreSQL: requests per second and p50/p99 for message appends and
 * status updates from 8 concurrent callers, then status-update latency by
 * session size (the cost should stay nearly flat), each with the event-loop
 * delay's maximum during the run. Figures only.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_SESSION_MESSAGES } from "../src/domain/index.ts";
import { forgetReadSessions } from "../src/engine/context/session-facts.ts";
import { AUDIENCES, LENGTHS } from "../src/engine/types.ts";
import { makeLongSession } from "../test/support/long-session.ts";
import { type BenchApi, benchDatabases, startBenchApi } from "./api-server.ts";
import { fmtMs, percentile, printTable } from "./stats.ts";

const CONCURRENCY = 8;
const APPENDS = 800;
const STATUS_UPDATES = 200;
const SIZES = [10, 1_000, MAX_SESSION_MESSAGES];
const UPDATES_PER_SIZE = 20;
const BATCH = 100;

type Message = { author: "engineer" | "client" | "assistant"; text: string };
const story = (size: number) => (makeLongSession(size) as { messages: Message[] }).messages;
const KINDS = AUDIENCES.flatMap((audience) => LENGTHS.map((length) => ({ audience, length })));

interface Run {
  latencies: number[];
  seconds: number;
  loopMaxMs: number;
}

/** `total` calls of `call(i)`, `concurrency` at a time, timed one by one, with the loop's delay sampled. */
async function load(total: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<Run> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, 20)); // the first sample only sets the clock
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await call(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  return { latencies: latencies.sort((a, b) => a - b), seconds, loopMaxMs: loop.max / 1e6 };
}

async function newSession(api: BenchApi, messages: readonly Message[]): Promise<string> {
  const created = (await api.call(
    "POST",
    "/ai-sessions",
    {
      ticket_id: "TKT-9150",
      client_company: "Redwood Valley Foods",
      engineer: { id: "u1", name: "Sam Okafor" },
    },
    201,
  )) as { session: { session_id: string } };
  const id = created.session.session_id;
  for (let i = 0; i < messages.length; i += BATCH)
    await api.call("POST", `/ai-sessions/${id}/messages`, { messages: messages.slice(i, i + BATCH) }, 201);
  return id;
}

const updateBody = (i: number) => KINDS[i % KINDS.length]!;

/** A pasted log of ~9,500 characters with a credential on every line: the slowest text to scan for secrets. */
const LOG_PASTE = Array.from(
  { length: 75 },
  (_, i) =>
    `2026-03-23T14:12:07Z RVF-APP02 OrderPoint[4120]: query timeout (LOGWRITE) user=svc_erp password=Hx7!q${i}`,
).join("\n");

/** The heaviest single requests, each alone: how long it takes and the loop's longest stall meanwhile. */
async function heavyRequests(label: string, api: BenchApi): Promise<(string | number)[][]> {
  const id = await newSession(api, []);
  const rows: (string | number)[][] = [];
  const timed = async (name: string, call: () => Promise<unknown>) => {
    const run = await load(1, 1, call);
    rows.push([label, name, fmtMs(run.latencies[0]!), fmtMs(run.loopMaxMs)]);
  };
  await timed("batch of 100 pasted logs (~1 MB)", () =>
    api.call(
      "POST",
      `/ai-sessions/${id}/messages`,
      {
        messages: Array.from({ length: BATCH }, (_, i) => ({ text: `Paste ${i}\n${LOG_PASTE}` })),
      },
      201,
    ),
  );
  const rest = story(MAX_SESSION_MESSAGES - BATCH);
  for (let i = 0; i < rest.length; i += BATCH)
    await api.call("POST", `/ai-sessions/${id}/messages`, { messages: rest.slice(i, i + BATCH) }, 201);
  forgetReadSessions(); // as after a restart: nothing of this session read yet
  await timed("first status update of a full session", () =>
    api.call("POST", `/ai-sessions/${id}/status-update`, updateBody(3), 201),
  );
  forgetReadSessions();
  await timed("resolve a full session (2 closing updates)", () =>
    api.call("POST", `/ai-sessions/${id}/resolve`, {
      summary: "Shrank the transaction log, fixed the backup job",
    }),
  );
  return rows;
}

async function measure(label: string, api: BenchApi) {
  const throughput: (string | number)[][] = [];
  const bySize: (string | number)[][] = [];
  const heavy = await heavyRequests(label, api);
  const opening = story(20);
  const sessions = await Promise.all(Array.from({ length: CONCURRENCY }, () => newSession(api, opening)));
  const lines = story(APPENDS);
  const row = (name: string, n: number, run: Run) => [
    label,
    name,
    n,
    (n / run.seconds).toFixed(0),
    fmtMs(percentile(run.latencies, 50)),
    fmtMs(percentile(run.latencies, 99)),
    fmtMs(run.loopMaxMs),
  ];
  const appends = await load(APPENDS, CONCURRENCY, (i) =>
    api.call("POST", `/ai-sessions/${sessions[i % CONCURRENCY]}/messages`, lines[i], 201),
  );
  throughput.push(row("append message", APPENDS, appends));
  const updates = await load(STATUS_UPDATES, CONCURRENCY, (i) =>
    api.call("POST", `/ai-sessions/${sessions[i % CONCURRENCY]}/status-update`, updateBody(i), 201),
  );
  throughput.push(row("status update", STATUS_UPDATES, updates));

  for (const size of SIZES) {
    const id = await newSession(api, story(size));
    await api.call("POST", `/ai-sessions/${id}/status-update`, updateBody(0), 201); // first read of this session
    const run = await load(UPDATES_PER_SIZE, 1, (i) =>
      api.call("POST", `/ai-sessions/${id}/status-update`, updateBody(i), 201),
    );
    bySize.push([
      label,
      size.toLocaleString("en-US"),
      fmtMs(percentile(run.latencies, 50)),
      fmtMs(percentile(run.latencies, 99)),
      fmtMs(run.loopMaxMs),
    ]);
    if (size === MAX_SESSION_MESSAGES)
      await api.call("POST", `/ai-sessions/${id}/messages`, { text: "one more" }, 413);
  }
  return { throughput, bySize, heavy };
}

export async function runApiBench(): Promise<void> {
  const throughput: (string | number)[][] = [];
  const bySize: (string | number)[][] = [];
  const heavy: (string | number)[][] = [];
  for await (const { label, db } of benchDatabases()) {
    const api = await startBenchApi(db);
    try {
      const r = await measure(label, api);
      throughput.push(...r.throughput);
      bySize.push(...r.bySize);
      heavy.push(...r.heavy);
    } finally {
      await api.close();
    }
  }
  printTable(
    `REST API, ${CONCURRENCY} concurrent callers over ${CONCURRENCY} sessions (offline writer)`,
    ["backend", "request", "requests", "per second", "p50 ms", "p99 ms", "loop max ms"],
    throughput,
  );
  printTable(
    `Status update by session size, ${UPDATES_PER_SIZE} in a row (all audiences x lengths); a session holds at most ${MAX_SESSION_MESSAGES.toLocaleString("en-US")} messages, the next one is refused with 413 (checked)`,
    ["backend", "messages", "p50 ms", "p99 ms", "loop max ms"],
    bySize,
  );
  printTable("Heavy single requests, each alone", ["backend", "request", "ms", "loop max ms"], heavy);
}

if (import.meta.url === `file://${process.argv[1]}`) await runApiBench();
