import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FlowPilotError } from "../errors.ts";

/**
 * Embedded PGlite is single-process: two processes writing one folder corrupt
 * it. A lock file holding the owner's pid turns that into a clear error; a
 * lock left by a process that no longer runs is taken over.
 */
export interface DataDirLock {
  release(): void;
}

const LOCK_FILE = "flowpilot.lock";

/** The embedded database is held by another running process (the bot or the API, usually). */
export class DataDirInUseError extends FlowPilotError {
  readonly dataDir: string;
  readonly ownerPid: number;

  constructor(dataDir: string, ownerPid: number) {
    super(
      "conflict",
      `The embedded database in ${dataDir} is in use by process ${ownerPid}${ownerPid === process.pid ? " (this one)" : ""}. ` +
        "Stop that process first, or set DATABASE_URL to a PostgreSQL server to run several processes.",
    );
    this.name = "DataDirInUseError";
    this.dataDir = dataDir;
    this.ownerPid = ownerPid;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock or throws a FlowPilotError naming the process that holds it. */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return { release: () => rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
    if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
      throw new DataDirInUseError(dir, owner);
    }
    rmSync(file, { force: true });
  }
  throw new FlowPilotError("conflict", `Could not lock the embedded database in ${dir}.`);
}
