import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { FlowPilotError } from "../errors.ts";

/**
 * Embedded PGlite is single-process: two processes writing one folder corrupt
 * it. The lock is a directory created atomically (mkdir) and kept fresh by
 * its holder (proper-lockfile): a lock whose holder stopped refreshing it is
 * stale and taken over, whatever pid it named, so a restarted container (same
 * pid as before) always starts and a second live process is refused.
 */
export interface DataDirLock {
  release(): void;
}

const LOCK_DIR = "flowpilot.lock";
/** Beside the lock (the lock directory itself must stay empty): who holds it, for the error message. */
const OWNER_FILE = "flowpilot.lock.owner";
/** The holder refreshes the lock every second; five seconds without a refresh and it is stale. */
const STALE_MS = 5_000;
const UPDATE_MS = 1_000;

/** The embedded database is held by another running process (the bot or the API, usually). */
export class DataDirInUseError extends FlowPilotError {
  readonly dataDir: string;
  readonly ownerPid: number;

  constructor(dataDir: string, ownerPid: number) {
    super(
      "conflict",
      `The embedded database in ${dataDir} is in use by process ${ownerPid}. ` +
        "Stop that process first, or set DATABASE_URL to a PostgreSQL server to run several processes.",
    );
    this.name = "DataDirInUseError";
    this.dataDir = dataDir;
    this.ownerPid = ownerPid;
  }
}

/** Whether a process with this id exists (ours or another user's). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(dir: string): { pid: number; host: string } | null {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), "utf8")) as {
      pid?: unknown;
      host?: unknown;
    };
    return typeof owner.pid === "number" && typeof owner.host === "string"
      ? { pid: owner.pid, host: owner.host }
      : null;
  } catch {
    return null;
  }
}

const held = new Set<string>();

/** How long a lock without a live owner is watched for one: its taker writes the owner right after. */
const OWNER_WAIT_MS = 1_000;

/**
 * The running process that holds the lock, if any. A process that has just
 * taken the lock (a racer, or the one taking over a crashed holder's stale
 * lock) names itself a moment later: until then the file is missing or names
 * the previous, dead holder, so it is read again for a short while rather
 * than waiting out the stale time before refusing.
 */
async function liveOwner(dir: string): Promise<{ pid: number } | null> {
  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    const owner = ownerOf(dir);
    if (owner && (owner.host !== hostname() || (owner.pid !== process.pid && isRunning(owner.pid))))
      return owner;
    if (Date.now() >= deadline) return null;
    await setTimeout(25);
  }
}

type LockOptions = lockfile.LockOptions & { lockfilePath: string };
type Release = () => Promise<void>;

/** Takes the folder's lock or throws DataDirInUseError naming the process that holds it. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const lockDir = join(dir, LOCK_DIR);
  // Held by this very process (a second open while the first is open): its owner is alive, say so now.
  if (held.has(lockDir)) throw new DataDirInUseError(dir, process.pid);
  const options: LockOptions = {
    lockfilePath: lockDir,
    realpath: false,
    // Staleness is judged here (see takeOver): proper-lockfile's own takeover lets two racers both win.
    stale: NEVER_STALE,
    update: UPDATE_MS,
    // Losing the lock (this process stalled past the stale time and another took it over) must not go on writing.
    onCompromised: (err: Error) => {
      process.stderr.write(
        `flowpilot: lost the lock on ${dir} (${err.message}); stopping to protect the data.\n`,
      );
      process.exit(70);
    },
  };
  // A dead holder's lock goes stale within STALE_MS; give up a little after that.
  const deadline = Date.now() + STALE_MS + 2 * OWNER_WAIT_MS;
  for (;;) {
    const release = await tryLock(dir, options);
    if (release) return hold(dir, lockDir, release);
    const age = ageOf(lockDir);
    if (age === null) continue; // released meanwhile
    if (age >= STALE_MS) {
      const taken = await takeOver(dir, options);
      if (taken) return hold(dir, lockDir, taken);
      continue;
    }
    const owner = await liveOwner(dir);
    if (owner) throw new DataDirInUseError(dir, owner.pid);
    if (Date.now() > deadline) throw new DataDirInUseError(dir, ownerOf(dir)?.pid ?? 0);
    // Its holder is gone (crashed a moment ago): wait until its lock is stale.
    await setTimeout(250);
  }
}

/** Far beyond any real pause: proper-lockfile never takes a lock over by itself. */
const NEVER_STALE = 2 ** 31;
/** Beside the lock: held by the one process taking over a stale lock. */
const TAKEOVER_DIR = "flowpilot.lock.takeover";

async function tryLock(dir: string, options: LockOptions): Promise<Release | null> {
  try {
    return await lockfile.lock(dir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") return null;
    throw err;
  }
}

/** Milliseconds since the directory's holder last refreshed it, or null when it is gone. */
function ageOf(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/**
 * Takes a stale lock over, one process at a time: the taker first creates the
 * takeover directory (atomic: one racer gets it), checks again under it that
 * the lock is still stale, and only then removes and re-creates it. Without
 * this, a racer that judged the lock stale a moment ago removes the lock the
 * other has just re-created, and both hold it. Null when someone else is
 * taking it over or took it meanwhile.
 */
async function takeOver(dir: string, options: LockOptions): Promise<Release | null> {
  const takeoverDir = join(dir, TAKEOVER_DIR);
  try {
    mkdirSync(takeoverDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    // One left by a process that died mid-takeover (a millisecond's window) goes once stale.
    if ((ageOf(takeoverDir) ?? 0) >= STALE_MS) rmSync(takeoverDir, { recursive: true, force: true });
    else await setTimeout(25);
    return null;
  }
  try {
    const age = ageOf(options.lockfilePath);
    if (age !== null && age < STALE_MS) return null;
    rmSync(options.lockfilePath, { recursive: true, force: true });
    return await tryLock(dir, options);
  } finally {
    rmSync(takeoverDir, { recursive: true, force: true });
  }
}

function hold(dir: string, lockDir: string, release: Release): DataDirLock {
  held.add(lockDir);
  writeFileSync(
    join(dir, OWNER_FILE),
    JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
  );
  return {
    release: () => {
      held.delete(lockDir);
      rmSync(join(dir, OWNER_FILE), { force: true });
      void release().catch(() => undefined);
    },
  };
}
