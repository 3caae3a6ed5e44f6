import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
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

/** Takes the folder's lock or throws DataDirInUseError naming the process that holds it. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const lockDir = join(dir, LOCK_DIR);
  const options = {
    lockfilePath: lockDir,
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    // Losing the lock (the machine slept past the stale time and someone took it) must not go on writing.
    onCompromised: (err: Error) => {
      process.stderr.write(
        `flowpilot: lost the lock on ${dir} (${err.message}); stopping to protect the data.\n`,
      );
      process.exit(70);
    },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ELOCKED") throw err;
    // Held by this very process (a second open while the first is open): its owner is alive, say so now.
    if (held.has(lockDir)) throw new DataDirInUseError(dir, process.pid);
    const owner = ownerOf(dir);
    const ownerAlive =
      owner !== null && (owner.host !== hostname() || (owner.pid !== process.pid && isRunning(owner.pid)));
    if (ownerAlive) throw new DataDirInUseError(dir, owner.pid);
    // Its holder is gone (crashed a moment ago, or this restarted process had its pid): wait until it is stale.
    try {
      release = await lockfile.lock(dir, {
        ...options,
        retries: { retries: Math.ceil(STALE_MS / 500) + 2, minTimeout: 500, maxTimeout: 500, factor: 1 },
      });
    } catch (retryErr) {
      if ((retryErr as NodeJS.ErrnoException).code !== "ELOCKED") throw retryErr;
      throw new DataDirInUseError(dir, ownerOf(dir)?.pid ?? 0);
    }
  }
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
