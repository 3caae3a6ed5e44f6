/**
 * Turns of the event loop for long work done in pieces (reading a long
 * session, scanning a large batch, statements on embedded PGlite). Waiting
 * with setImmediate alone is not enough under load: every request waiting
 * that way resumes in the same phase of the loop, back to back, so eight
 * requests' 10 ms pieces hold the loop for 80 ms. Here pieces are granted one
 * per turn of the loop, first come first served, with timers and sockets
 * served between them.
 */
const waiting: Array<() => void> = [];
let granting = false;

function grant(): void {
  granting = false;
  const next = waiting.shift();
  if (waiting.length > 0) scheduleGrant();
  next?.();
}

function scheduleGrant(): void {
  if (granting) return;
  granting = true;
  setImmediate(grant);
}

/** Resolves on a later turn of the event loop, after pending I/O, once the pieces queued before it have run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    scheduleGrant();
  });
}
