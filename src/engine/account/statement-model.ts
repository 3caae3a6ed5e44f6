import { featureIndex } from "../../ml/hashing.ts";
import type { StoredModel } from "../../ml/linear-model.ts";
import { WEIGHT_SCALE } from "../../ml/linear-model.ts";

/** The shipped heads of the statement reader, one per value of each choice (one-vs-rest). */
export interface StoredStatementModels {
  act: StoredModel[];
  certainty: StoredModel[];
  actor: StoredModel[];
  wait: StoredModel[];
  /** Binary: [negated], [refers back]. */
  negated: StoredModel[];
  refersBack: StoredModel[];
}

export type HeadName = keyof StoredStatementModels;
export const HEAD_NAMES: readonly HeadName[] = ["act", "certainty", "actor", "wait", "negated", "refersBack"];

/**
 * Every head's weights packed by feature: one map lookup per feature gives
 * the weights of all heads at once, so a statement costs a few dozen lookups.
 */
export interface PackedModels {
  heads: number;
  offsets: Record<HeadName, number>;
  sizes: Record<HeadName, number>;
  bias: Float64Array;
  byFeature: Map<number, Float32Array>;
}

export function packModels(stored: StoredStatementModels): PackedModels {
  const offsets = {} as Record<HeadName, number>;
  const sizes = {} as Record<HeadName, number>;
  let heads = 0;
  for (const name of HEAD_NAMES) {
    offsets[name] = heads;
    sizes[name] = stored[name].length;
    heads += stored[name].length;
  }
  const bias = new Float64Array(heads);
  const byFeature = new Map<number, Float32Array>();
  for (const name of HEAD_NAMES)
    stored[name].forEach((model, k) => {
      const head = offsets[name] + k;
      bias[head] = model.bias;
      model.indices.forEach((index, j) => {
        let row = byFeature.get(index);
        if (!row) {
          row = new Float32Array(heads);
          byFeature.set(index, row);
        }
        row[head] = model.weights[j]! / WEIGHT_SCALE;
      });
    });
  return { heads, offsets, sizes, bias, byFeature };
}

/** The log-odds of every head for one statement's features. */
export function scoreHeads(models: PackedModels, features: readonly string[]): Float64Array {
  const scores = new Float64Array(models.bias);
  addFeatureRows(models, scores, features.map(featureIndex));
  return scores;
}

/**
 * Adds to `scores` the weights of each distinct feature index, in order,
 * skipping those already counted: scores built in parts add up exactly as
 * scores built at once.
 */
export function addFeatureRows(
  models: PackedModels,
  scores: Float64Array,
  indices: readonly number[],
  counted: readonly number[] = [],
): void {
  const heads = models.heads;
  // A statement has a few dozen features: scanning beats building a set for each.
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    if (indices.indexOf(index) < k || counted.includes(index)) continue;
    const row = models.byFeature.get(index);
    if (row) for (let h = 0; h < heads; h++) scores[h]! += row[h]!;
  }
}

/** The best value of a one-vs-rest choice and its share of the heads' probabilities. */
export function pick(
  models: PackedModels,
  scores: Float64Array,
  head: HeadName,
): { index: number; p: number } {
  const from = models.offsets[head];
  let index = 0;
  let total = 0;
  let best = -1;
  for (let k = 0; k < models.sizes[head]; k++) {
    const p = 1 / (1 + Math.exp(-scores[from + k]!));
    total += p;
    if (p > best) {
      best = p;
      index = k;
    }
  }
  return { index, p: total > 0 ? best / total : 0 };
}

export function yes(models: PackedModels, scores: Float64Array, head: HeadName): boolean {
  return scores[models.offsets[head]]! > 0;
}
