/**
 * The labelled phrases the intent model is trained on, and its honest
 * measure: k-fold cross-validation, where every phrase is judged by a model
 * that never saw it. Phrases in test/intents/fixtures-holdout are never trained on.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { resultOf, TURNED_AWAY } from "../../../src/intents/classify.ts";
import { featuresOf } from "../../../src/intents/features.ts";
import { normalizeMessage } from "../../../src/intents/normalize.ts";
import { mightAskForUpdate } from "../../../src/intents/prefilter.ts";
import { type MessageReading, readMessage } from "../../../src/intents/reading.ts";
import type { IntentResult } from "../../../src/intents/types.ts";
import { indicesOf } from "../../../src/ml/hashing.ts";
import { type CrossValidation, crossValidate } from "../../../src/ml/train.ts";
import { type LabelledRow, loadLabelled } from "./labelled.ts";

const ROOT = join(import.meta.dirname, "../../..");
export const TRAINING_DIRS = [join(ROOT, "test/intents/fixtures"), join(ROOT, "test/intents/training")];
export const HOLDOUT_DIR = join(ROOT, "test/intents/fixtures-holdout");

export interface SourcedRow extends LabelledRow {
  source: string;
}

export function loadTrainingRows(): SourcedRow[] {
  return TRAINING_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
      .flatMap((file) => loadLabelled(join(dir, file)).map((row) => ({ ...row, source: file }))),
  );
}

export interface ReadRow {
  row: LabelledRow;
  /** Null when the pre-filter turns the message away: it never reaches the model. */
  read: { reading: MessageReading; indices: number[] } | null;
}

export function readRows(rows: readonly LabelledRow[]): ReadRow[] {
  return rows.map((row) => {
    if (!mightAskForUpdate(row.text)) return { row, read: null };
    const reading = readMessage(normalizeMessage(row.text));
    return { row, read: { reading, indices: indicesOf(featuresOf(reading)) } };
  });
}

export interface CrossValidatedResults {
  results: IntentResult[];
  validation: CrossValidation;
  /** Calibrated out-of-fold probability per row (0 for rows the pre-filter turns away). */
  probabilities: number[];
}

/** Every row's result from the model trained on the other folds (the pre-filter's rows stay none). */
export function crossValidatedResults(read: readonly ReadRow[], folds = 5): CrossValidatedResults {
  const trainable = read.filter((r) => r.read);
  const validation = crossValidate(
    trainable.map((r) => ({ indices: r.read!.indices, label: r.row.intent === "status_update" ? 1 : 0 })),
    folds,
  );
  const probabilities: number[] = [];
  let k = 0;
  const results = read.map((r) => {
    if (!r.read) {
      probabilities.push(0);
      return TURNED_AWAY;
    }
    const p = validation.probabilities[k++]!;
    probabilities.push(p);
    return resultOf(r.read.reading, p);
  });
  return { results, validation, probabilities };
}
