import { readFileSync } from "node:fs";

/**
 * `npx flowpilot serve` and `npm start` run us as npm → sh → node. A SIGTERM
 * sent to npm (by a supervisor or `kill`) ends npm and leaves this process
 * running, orphaned. When npm launched us, we watch that npm process and stop
 * as if signalled once it is gone. Linux (/proc) only; elsewhere this is a no-op.
 */
const POLL_MS = 1_000;
const MAX_DEPTH = 4;

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 4, after the command name in parentheses (which may itself contain spaces).
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isNpm(pid: number): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    // npm renames its process ("npm exec flowpilot serve"); older ones show the script path.
    return args.some((a) => /^np[mx](?:\s|$)|(?:^|\/)np[mx](?:-cli\.js)?$/.test(a));
  } catch {
    return false;
  }
}

/** The npm process that launched this one, when there is one. */
export function findNpmLauncher(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!env.npm_execpath || process.platform !== "linux") return undefined;
  let pid: number | undefined = process.ppid;
  for (let depth = 0; pid && depth < MAX_DEPTH; depth++) {
    if (isNpm(pid)) return pid;
    pid = parentOf(pid);
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Resolves when the npm launcher exits; never resolves when there is none. The timer does not keep us alive. */
export function launcherExited(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const launcher = findNpmLauncher(env);
  if (!launcher) return new Promise(() => undefined);
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (isAlive(launcher) && process.ppid !== 1) return;
      clearInterval(timer);
      resolve("npm exited");
    }, POLL_MS);
    timer.unref();
  });
}
