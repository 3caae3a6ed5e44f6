/**
 * Deterministic generator of long troubleshooting sessions in the transcript
 * format (test/fixtures/shared-eval/README.md), for engine tests and benchmarks that need
 * 100 to 10,000+ messages.
 *
 * Story of every generated session (same for every seed, only the filler varies):
 * an ERP freezes for all users; two things are ruled out early; the admin
 * password is typed once near the start; the cause (a full SQL transaction
 * log) is found about 70% of the way through; the rest is fix work still in
 * progress, so the session reads as "implementing".
 */
import type { SessionExpectations } from "./session-expectations.ts";

/** The one secret typed in every generated session (exactly once, near the start). */
export const LONG_SESSION_SECRET = "Gr@nite-Ledger-7731";

const HOSTS = {
  sql: { name: "RVF-SQL01", ip: "10.40.0.21" },
  app: { name: "RVF-APP02", ip: "10.40.0.32" },
  dc: { name: "RVF-DC01", ip: "10.40.0.10" },
  fs: { name: "RVF-FS01", ip: "10.40.0.15" },
} as const;

const DIAGNOSIS_KEYWORD = "transaction log";

/** What every generated session with at least 100 messages must satisfy (time spent: see {@link longSessionExpectations}). */
export const LONG_SESSION_EXPECT: Omit<SessionExpectations, "time_spent_minutes"> = {
  status: "implementing",
  ticket_notes_must_mention: [DIAGNOSIS_KEYWORD, "svc-sqlagent"],
  client_greeting: "Redwood Valley Foods",
  client_forbidden: [
    HOSTS.sql.name,
    HOSTS.app.name,
    HOSTS.dc.name,
    HOSTS.sql.ip,
    HOSTS.app.ip,
    HOSTS.dc.ip,
    "log_reuse_wait_desc",
    "SQL Agent",
    "svc-sqlagent",
    "OrderPointDB",
  ],
  email_subject_contains: ["TKT-9150"],
  email_signoff: "Nina Kowalski",
  secrets: [LONG_SESSION_SECRET],
};

/** Options for {@link makeLongSession}. */
export interface LongSessionOptions {
  /** PRNG seed for the filler; the same seed gives the same session. Default 1. */
  seed?: number;
  /** Number of (closed) pauses spread evenly across the session. Default 2; capped at messageCount - 1. */
  pauses?: number;
}

type Author = "engineer" | "assistant" | "client";
interface GeneratedMessage {
  at: string;
  author: Author;
  text: string;
}

const START_MS = Date.parse("2026-06-15T12:30:00Z");
const MINUTE_MS = 60_000;
/** Minutes between consecutive messages; zero means the same minute (quick chatter). */
const GAPS = [0, 1, 1, 1, 2, 2, 3, 5] as const;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

const { sql, app, dc, fs } = HOSTS;

const CHATTER = [
  "ok",
  "one sec",
  "hmm",
  "got it",
  "still looking",
  "brb, user on the phone",
  "back",
  "ok that's interesting",
  "checking",
  "right",
];

const INVESTIGATION_STEPS: ((pick: Pick, r: () => number) => string)[] = [
  (pick, r) => {
    const h = pick([sql, app, fs]);
    return `Checked CPU and memory on ${h.name} during a freeze - CPU ${8 + Math.floor(r() * 30)}%, memory normal.`;
  },
  (pick) => `Event Viewer on ${pick([app.name, sql.name])}: nothing new in the System log since yesterday.`,
  (pick) =>
    `Recycled the OrderPoint app pool on ${app.name} - freezes came back within ${pick(["5", "8", "12"])} minutes.`,
  (pick) =>
    `Freeze reproduced at the packing station: order save hung for ${pick(["35", "48", "52", "61"])} seconds, then went through.`,
  (pick) => `Disk latency on ${pick([app.name, fs.name])} looks fine, under ${pick(["3", "5", "8"])} ms.`,
  (pick) =>
    `Antivirus exclusions on ${app.name} match the vendor's list - ${pick(["no change", "nothing missing"])}.`,
  () => `Windows updates: nothing installed on ${app.name} or ${sql.name} in the last 10 days.`,
  (pick) => `Asked ${pick(["Luis", "Marta", "Dev", "Kim"])} in the warehouse to time the next freeze for me.`,
  (pick) =>
    `Looked at the OrderPoint client log on WH-PC${pick(["03", "07", "11", "14"])}: timeouts waiting on the server.`,
  (pick) => `Pinged ${sql.ip} from WH-PC${pick(["02", "05", "09"])} - replies under 1 ms, no drops.`,
  (_pick, r) => `Open sessions on ${app.name}: ${20 + Math.floor(r() * 25)}, about normal for a weekday.`,
  () => `Checked ${fs.name} (${fs.ip}) shares the app uses for attachments - responsive.`,
];

const SUGGESTIONS: ((pick: Pick) => string)[] = [
  () => `Capture a freeze with timestamps so it can be lined up against the server logs on ${sql.name}.`,
  () => "Compare the freeze times with any scheduled jobs or maintenance windows.",
  (pick) =>
    `Check ${pick(["memory pressure", "disk latency", "network errors"])} on the database server during a freeze.`,
  () =>
    `Look at what the app server is waiting on when a save hangs; the OrderPoint client log shows the request it sent.`,
  () => "Check whether the freezes line up with busy order-entry periods.",
];

const FIX_STEPS: ((pick: Pick, r: () => number) => string)[] = [
  (_pick, r) => `Log backup on ${sql.name} ${20 + Math.floor(r() * 70)}% through.`,
  (_pick, r) => `Log space used on ${sql.name}: ${30 + Math.floor(r() * 60)}% and dropping.`,
  (pick) =>
    `Test order saved from WH-PC${pick(["03", "07", "11"])} in ${pick(["2", "3", "4"])} seconds while the backup runs.`,
  () => `Checking the SQL Agent job history on ${sql.name} while the backup runs.`,
  () => `Updating the log backup job owner on ${sql.name} to match the new svc-sqlagent logon.`,
  () => "Watching the backup progress before touching the log file size.",
  (pick) =>
    `Warehouse reports ${pick(["fewer", "shorter", "no new"])} freezes in the last few minutes, still watching.`,
];

const FIX_SUGGESTIONS: string[] = [
  "Let the log backup finish before shrinking the log, and keep an eye on free space on the log drive.",
  "Once the backup completes, run the scheduled log backup job once by hand to prove the service account works.",
  "Set an alert on log space used so a failing backup job shows up before users notice.",
];

/** The fixed story beats, keyed by role. */
const BEATS = {
  problem: `Whole warehouse team reports OrderPoint ERP freezing for 30-60 seconds at a time since this morning; order entry times out. App server ${app.name} (${app.ip}), database on ${sql.name} (${sql.ip}).`,
  firstSuggestion: `Start with resource use on ${app.name} and ${sql.name} during a freeze, and the OrderPoint client log on an affected PC.`,
  password: `Logged into ${sql.name} with the break-glass sa account, password is ${LONG_SESSION_SECRET} (it's in the vault, will rotate after).`,
  ruledOutNetwork: `Ruled out the network: continuous ping from ${app.name} to ${sql.name} stays under 1 ms with no loss, even during a freeze.`,
  ruledOutDc: `Ruled out the domain controller: ${dc.name} (${dc.ip}) answers auth and DNS normally, no Kerberos errors on ${app.name}.`,
  diagnosis: `Found it: the ${DIAGNOSIS_KEYWORD} for OrderPointDB on ${sql.name} is full, log_reuse_wait_desc = LOG_BACKUP. The SQL Agent log backup job has failed every night since the svc-sqlagent password expired, so every write waits on log autogrowth. That's the root cause.`,
  plan: "Reset the service account password and update the SQL Agent logon, take a manual log backup to free space, then confirm the scheduled job runs.",
  fixStart: `Client approved. Reset the svc-sqlagent password, updated the SQL Agent service logon on ${sql.name}, and started a manual log backup.`,
  progress: `Log backup still running on ${sql.name}; log space used falling and order saves are quicker. Watching order entry while it finishes.`,
  next: `Next: confirm the scheduled log backup job succeeds at its next run, then shrink the ${DIAGNOSIS_KEYWORD} back to its normal size.`,
} as const;

interface Beat {
  index: number;
  author: Author;
  text: string;
}

/**
 * Where the fixed beats go. Later entries win a clash, so on very short
 * sessions the opening and the diagnosis survive over the fix details.
 */
function placeBeats(n: number): Beat[] {
  const ruled1 = Math.max(3, Math.round(0.12 * n));
  const ruled2 = Math.max(ruled1 + 1, Math.round(0.25 * n));
  const diagnosis = Math.max(ruled2 + 1, Math.floor(0.7 * n));
  const beats: Beat[] = [
    { index: diagnosis + 1, author: "assistant", text: BEATS.plan },
    { index: diagnosis + 2, author: "engineer", text: BEATS.fixStart },
    { index: n - 2, author: "engineer", text: BEATS.progress },
    { index: n - 1, author: "engineer", text: BEATS.next },
    { index: ruled1, author: "engineer", text: BEATS.ruledOutNetwork },
    { index: ruled2, author: "engineer", text: BEATS.ruledOutDc },
    { index: diagnosis, author: "engineer", text: BEATS.diagnosis },
    { index: 2, author: "engineer", text: BEATS.password },
    { index: 1, author: "assistant", text: BEATS.firstSuggestion },
    { index: 0, author: "engineer", text: BEATS.problem },
  ];
  return beats.filter((b) => b.index >= 0 && b.index < n);
}

/** Indexes after which a pause starts, spread evenly; never after the last message. */
function pauseSlots(n: number, count: number): Set<number> {
  const slots = new Set<number>();
  for (let j = 0; j < count; j++) slots.add(Math.floor(((j + 1) * n) / (count + 1)) - 1);
  return new Set([...slots].filter((i) => i >= 0 && i < n - 1));
}

interface Built {
  transcript: Record<string, unknown>;
  activeMinutes: number;
}

function build(messageCount: number, options: LongSessionOptions): Built {
  if (!Number.isInteger(messageCount) || messageCount < 1) {
    throw new RangeError(`messageCount must be a positive integer, got ${messageCount}`);
  }
  const seed = options.seed ?? 1;
  const r = makeRandom(seed);
  const pick: Pick = (items) => items[Math.floor(r() * items.length)]!;
  const n = messageCount;
  const beats = new Map<number, Beat>();
  for (const b of placeBeats(n)) beats.set(b.index, b);
  const diagnosisIndex = [...beats.values()].find((b) => b.text === BEATS.diagnosis)?.index ?? n;
  const slots = pauseSlots(n, Math.max(0, Math.min(options.pauses ?? 2, n - 1)));

  const filler = (fixing: boolean): [Author, string] => {
    const roll = r();
    if (roll < 0.25) return ["engineer", pick(CHATTER)];
    if (roll < 0.45) return ["assistant", fixing ? pick(FIX_SUGGESTIONS) : pick(SUGGESTIONS)(pick)];
    return ["engineer", fixing ? pick(FIX_STEPS)(pick, r) : pick(INVESTIGATION_STEPS)(pick, r)];
  };

  const messages: GeneratedMessage[] = new Array(n);
  const pauses: { from: string; to: string }[] = [];
  let minute = 0;
  let pausedMinutes = 0;
  for (let i = 0; i < n; i++) {
    const beat = beats.get(i);
    let author: Author;
    let text: string;
    if (beat) {
      author = beat.author;
      text = beat.text;
    } else {
      [author, text] = filler(i > diagnosisIndex);
      // A second draw avoids the same line twice in a row, which reads like a glitch.
      if (text === messages[i - 1]?.text) [author, text] = filler(i > diagnosisIndex);
    }
    messages[i] = { at: iso(minute), author, text };
    if (slots.has(i)) {
      const length = 15 + Math.floor(r() * 60);
      pauses.push({ from: iso(minute + 1), to: iso(minute + 1 + length) });
      pausedMinutes += length;
      minute += length + 2;
    } else if (i < n - 1) {
      minute += pick(GAPS);
    }
  }
  const nowMinute = minute + 3;
  return {
    transcript: {
      ticket: {
        id: "TKT-9150",
        summary: "OrderPoint ERP freezing for all warehouse users",
        company: "Redwood Valley Foods",
        contact: "Carla Nunez",
      },
      engineer: { name: "Nina Kowalski", company: "Clearpath IT Services" },
      status: "active",
      started_at: iso(0),
      now: iso(nowMinute),
      pauses,
      messages,
    },
    activeMinutes: nowMinute - pausedMinutes,
  };
}

function iso(minute: number): string {
  return new Date(START_MS + minute * MINUTE_MS).toISOString().replace(".000Z", "Z");
}

/**
 * A realistic long session in the transcript format with exactly
 * `messageCount` messages in time order. Deterministic for a given seed.
 * @throws RangeError when `messageCount` is not a positive integer.
 */
export function makeLongSession(messageCount: number, options: LongSessionOptions = {}): object {
  return build(messageCount, options).transcript;
}

/** The full expectations (including time spent) for `makeLongSession(messageCount, options)`, valid for messageCount >= 100. */
export function longSessionExpectations(
  messageCount: number,
  options: LongSessionOptions = {},
): SessionExpectations {
  return { ...LONG_SESSION_EXPECT, time_spent_minutes: build(messageCount, options).activeMinutes };
}
