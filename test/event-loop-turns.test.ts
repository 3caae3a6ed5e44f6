import { describe, expect, it } from "vitest";
import { nextTurn } from "../src/event-loop-turns.ts";
import { logTurnsDuring } from "./support/loop-turns.ts";

describe("turns of the event loop for work done in pieces", () => {
  it("grants concurrent workers' pieces one per turn, in order, with other work between them", async () => {
    const log = await logTurnsDuring((log) =>
      Promise.all(
        ["a", "b", "c", "d"].map(async (worker) => {
          for (let piece = 0; piece < 5; piece++) {
            await nextTurn();
            log.push(`${worker}${piece}`);
          }
        }),
      ),
    );
    const pieces = log.filter((e) => e !== "tick");
    expect(pieces).toHaveLength(20);
    // First come, first served: every worker's first piece before anyone's second.
    expect(pieces.slice(0, 4).sort()).toEqual(["a0", "b0", "c0", "d0"]);
    expect(log.filter((e, i) => e !== "tick" && log[i - 1] !== undefined && log[i - 1] !== "tick")).toEqual(
      [],
    );
  });
});
