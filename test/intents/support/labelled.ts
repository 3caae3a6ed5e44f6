import { readFileSync } from "node:fs";
import { z } from "zod";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../../src/engine/types.ts";
import type { IntentResult } from "../../../src/intents/index.ts";

/** One labelled phrase, in the eval set's JSON-lines shape. `context: "update"` means the same as null. */
export const labelledRowSchema = z.object({
  text: z.string().min(1),
  intent: z.enum(["status_update", "none"]),
  audience: z.enum(AUDIENCES).nullable(),
  length: z.enum(LENGTHS).nullable(),
  context: z.enum(UPDATE_CONTEXTS).nullable(),
  /** What the row tests (the issue-28 sets: long_request, false_trigger, non_english, ...). */
  family: z.string().optional(),
  /** The message's language, "en" when absent. */
  lang: z.string().optional(),
});
export type LabelledRow = z.infer<typeof labelledRowSchema>;

/** Reads a JSON-lines file of labelled rows; a bad line throws with its line number. */
export function loadLabelled(path: string): LabelledRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line && !line.startsWith("//"))
    .map(({ line, n }) => {
      const parsed = labelledRowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${n}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

const ctx = (c: string | null) => (c === "update" ? null : c);

export interface Scores {
  rows: number;
  intentAccuracy: number;
  /** Share of correctly detected status requests whose three slots are all right. */
  slotAccuracy: number;
  /** Share of "none" rows recognised as status requests. */
  falseTriggerRate: number;
  failures: { row: LabelledRow; got: IntentResult; problem: string }[];
}

/** Scores results against labels the way the acceptance measure does. */
export function score(rows: readonly LabelledRow[], results: readonly IntentResult[]): Scores {
  let intentRight = 0;
  let detected = 0;
  let slotsRight = 0;
  let noneRows = 0;
  let falseTriggers = 0;
  const failures: Scores["failures"] = [];
  rows.forEach((row, i) => {
    const got = results[i]!;
    if (row.intent === "none") noneRows++;
    if (got.intent !== row.intent) {
      if (row.intent === "none") falseTriggers++;
      failures.push({ row, got, problem: row.intent === "none" ? "false trigger" : "missed" });
      return;
    }
    intentRight++;
    if (row.intent !== "status_update") return;
    detected++;
    const same =
      got.audience === row.audience && got.length === row.length && ctx(got.context) === ctx(row.context);
    if (same) slotsRight++;
    else failures.push({ row, got, problem: "slots" });
  });
  return {
    rows: rows.length,
    intentAccuracy: rows.length ? intentRight / rows.length : 1,
    slotAccuracy: detected ? slotsRight / detected : 1,
    falseTriggerRate: noneRows ? falseTriggers / noneRows : 0,
    failures,
  };
}

/** One line per failure, for test messages. */
export function describeFailures(scores: Scores, limit = 40): string {
  return scores.failures
    .slice(0, limit)
    .map(({ row, got, problem }) => {
      const want = `${row.intent} ${row.audience}/${row.length}/${ctx(row.context)}`;
      const have = `${got.intent} ${got.audience}/${got.length}/${ctx(got.context)} (${got.confidence})`;
      return `${problem}: "${row.text}" want ${want} got ${have}`;
    })
    .join("\n");
}
