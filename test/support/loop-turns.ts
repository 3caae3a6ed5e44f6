/**
 * Runs `work` while "tick" is logged on every turn of the event loop, and
 * returns the log; `work` may log its own entries in it. What a test reads
 * off it: whether other work got turns while `work` ran, and between which
 * of its steps.
 */
export async function logTurnsDuring(work: (log: string[]) => Promise<unknown>): Promise<string[]> {
  const log: string[] = [];
  let running = true;
  const tick = () => {
    log.push("tick");
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work(log);
  } finally {
    running = false;
  }
  return log;
}

export const turnsIn = (log: readonly string[]) => log.filter((e) => e === "tick").length;

/** Entries of `work` logged right after another of its entries, with no turn of the loop between. */
export const backToBack = (log: readonly string[]) =>
  log.filter((e, i) => e !== "tick" && i > 0 && log[i - 1] !== "tick");
