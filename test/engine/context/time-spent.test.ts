import { describe, expect, it } from "vitest";
import { timeSpentMinutes } from "../../../src/engine/context/time-spent.ts";

const at = (hhmm: string) => new Date(`2026-04-02T${hhmm}:00Z`);

describe("timeSpentMinutes", () => {
  it("counts from start to now", () => {
    expect(timeSpentMinutes(at("09:00"), at("09:31"), [])).toBe(31);
  });

  it("subtracts pauses, clipped to the session window", () => {
    const pauses = [
      { from: at("09:10"), to: at("09:20") },
      { from: at("08:50"), to: at("09:05") }, // started before the session
      { from: at("09:55"), to: at("10:30") }, // ends after now
    ];
    expect(timeSpentMinutes(at("09:00"), at("10:00"), pauses)).toBe(60 - 10 - 5 - 5);
  });

  it("counts overlapping pauses once", () => {
    const pauses = [
      { from: at("09:10"), to: at("09:30") },
      { from: at("09:20"), to: at("09:40") },
    ];
    expect(timeSpentMinutes(at("09:00"), at("10:00"), pauses)).toBe(30);
  });

  it("treats an open pause as running until now", () => {
    expect(timeSpentMinutes(at("09:00"), at("10:00"), [{ from: at("09:45"), to: null }])).toBe(45);
  });

  it("never goes negative", () => {
    expect(timeSpentMinutes(at("10:00"), at("09:00"), [])).toBe(0);
  });
});
