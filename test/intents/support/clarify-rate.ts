/**
 * How often the offline turn asks "Want an update?" (no LLM, nothing on
 * screen): on the `none` rows, where a question is a false alarm, and on the
 * English requests the offline reader does not write, where the question
 * rescues a request that would otherwise go unanswered.
 */
import { type OfflineReading, REQUEST_THRESHOLD } from "../../../src/intents/classify.ts";
import { ASK_FLOOR, offlineTurn } from "../../../src/intents/turn.ts";
import type { LabelledRow } from "./labelled.ts";

export interface ClarifyRate {
  none: number;
  noneAsked: number;
  /** English requests the offline reader does not write. */
  missed: number;
  missedAsked: number;
  /** Of the missed requests, those the model is unsure of (probability in [ASK_FLOOR, REQUEST_THRESHOLD)). */
  unsure: number;
  unsureAsked: number;
  /** The none rows that were asked (for a failing test's message). */
  askedTexts: string[];
}

export function clarifyRate(rows: readonly LabelledRow[], readings: readonly OfflineReading[]): ClarifyRate {
  const rate: ClarifyRate = {
    none: 0,
    noneAsked: 0,
    missed: 0,
    missedAsked: 0,
    unsure: 0,
    unsureAsked: 0,
    askedTexts: [],
  };
  rows.forEach((row, i) => {
    const asked = offlineTurn(readings[i]!, null).kind === "clarify";
    if (row.intent === "none") {
      rate.none++;
      if (asked) {
        rate.noneAsked++;
        rate.askedTexts.push(row.text);
      }
    } else if ((row.lang ?? "en") === "en" && readings[i]!.result.intent !== "status_update") {
      rate.missed++;
      if (asked) rate.missedAsked++;
      const p = readings[i]!.p;
      if (p >= ASK_FLOOR && p < REQUEST_THRESHOLD) {
        rate.unsure++;
        if (asked) rate.unsureAsked++;
      }
    }
  });
  return rate;
}
