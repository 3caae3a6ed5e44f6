/**
 * The issue-28 measure of a labelled set: intent accuracy, false triggers,
 * all three slots right on detected requests, recall on requests in messages
 * over 150 characters, and the share of rows answered wrongly (intent or a
 * slot) with confidence >= 0.9. Rows in another language are scored twice:
 * as labelled (a request there is a miss offline), and as the offline reader
 * is specified (another language never triggers offline: "none" is right).
 */
import type { IntentResult } from "../../../src/intents/types.ts";
import type { LabelledRow } from "./labelled.ts";

export const LONG_MESSAGE = 150;
export const CONFIDENT = 0.9;

export interface HeldOutScores {
  rows: number;
  intentAccuracy: number;
  falseTriggerRate: number;
  slotAccuracy: number;
  longRecall: number;
  longRequests: number;
  confidentErrorRate: number;
}

const ctx = (c: string | null) => (c === "update" ? null : c);
const english = (row: LabelledRow) => (row.lang ?? "en") === "en";

/** `offlineSpec`: score another language's rows as "none" (the offline reader's specified answer). */
export function heldOutScores(
  rows: readonly LabelledRow[],
  results: readonly IntentResult[],
  offlineSpec = false,
): HeldOutScores {
  let right = 0;
  let negatives = 0;
  let falseTriggers = 0;
  let detected = 0;
  let slotsRight = 0;
  let longRequests = 0;
  let longCaught = 0;
  let confidentErrors = 0;
  rows.forEach((labelled, i) => {
    const row =
      offlineSpec && !english(labelled)
        ? { ...labelled, intent: "none" as const, audience: null, length: null, context: null }
        : labelled;
    const got = results[i]!;
    const intentRight = got.intent === row.intent;
    let wrong = !intentRight;
    if (intentRight) right++;
    if (row.intent === "none") {
      negatives++;
      if (!intentRight) falseTriggers++;
    } else if (intentRight) {
      detected++;
      const slots =
        got.audience === row.audience && got.length === row.length && ctx(got.context) === ctx(row.context);
      if (slots) slotsRight++;
      else wrong = true;
    }
    if (row.intent === "status_update" && row.text.length > LONG_MESSAGE) {
      longRequests++;
      if (got.intent === "status_update") longCaught++;
    }
    if (wrong && got.confidence >= CONFIDENT) confidentErrors++;
  });
  return {
    rows: rows.length,
    intentAccuracy: rows.length ? right / rows.length : 1,
    falseTriggerRate: negatives ? falseTriggers / negatives : 0,
    slotAccuracy: detected ? slotsRight / detected : 1,
    longRecall: longRequests ? longCaught / longRequests : 1,
    longRequests,
    confidentErrorRate: rows.length ? confidentErrors / rows.length : 0,
  };
}

/** The rows of a held-out set whose text (ignoring case) is not also a training phrase. */
export function unseenRows<T extends LabelledRow>(held: readonly T[], training: readonly LabelledRow[]): T[] {
  const seen = new Set(training.map((r) => r.text.trim().toLowerCase()));
  return held.filter((r) => !seen.has(r.text.trim().toLowerCase()));
}
