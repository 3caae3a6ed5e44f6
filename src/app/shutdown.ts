import { setTimeout as sleep } from "node:timers/promises";

/**
 * How long a stopping FlowPilot (SIGTERM, SIGINT, Ctrl-C) lets work already
 * acknowledged finish: updates being written after a Slack or Teams ack,
 * requests in flight, a console line being handled. What is still running
 * then is abandoned (counted in the log), the database is closed and the
 * process exits: about 6 s after the signal, well within the 10 s a
 * supervisor usually allows before SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 5_000;

/** A point in time shutdown steps share, so their waits add up to the grace at most. */
export interface Deadline {
  /** Milliseconds left, never negative. */
  remaining(): number;
}

/** The deadline `ms` from now. */
export function deadlineIn(ms: number): Deadline {
  const at = Date.now() + ms;
  return { remaining: () => Math.max(0, at - Date.now()) };
}

/**
 * Waits for `work` until the deadline; true when it settled in time (a
 * rejection counts as settled). The wait's own timer never keeps the process alive.
 */
export async function settledBy(work: Promise<unknown>, deadline: Deadline): Promise<boolean> {
  const controller = new AbortController();
  const late = sleep(deadline.remaining(), false, { signal: controller.signal, ref: false }).catch(
    () => false,
  );
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    controller.abort();
  }
}

/** Thrown when start-up is interrupted by a stop signal: what was opened has been closed. */
export class StartupInterrupted extends Error {
  override name = "StartupInterrupted";
  constructor() {
    super("stopped before start-up finished");
  }
}

/**
 * `work`, unless the signal fires first (then StartupInterrupted). The work
 * itself goes on; whoever races it closes what it opens.
 */
export function unlessStopped<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new StartupInterrupted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StartupInterrupted());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
