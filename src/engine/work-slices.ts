import { nextTurn } from "../event-loop-turns.ts";

/** CPU work run before other requests get a turn: well under the 100 ms any request may hold the loop. */
const SLICE_MS = 10;

/**
 * For long CPU work done item by item (reading a long session, redacting a
 * large batch): call the returned function between items, and once a slice's
 * worth of time has passed since the last turn it yields one to the event
 * loop, so other requests, timers and sockets are served meanwhile.
 */
export function workSlices(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}
