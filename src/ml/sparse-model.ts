/**
 * A linear model kept sparse at run time (a map from feature index to
 * weight): for the small heads read only when a message is already known to
 * matter, where a dense 2^18 array each would cost a megabyte apiece.
 */
import { type StoredModel, WEIGHT_SCALE } from "./linear-model.ts";

export interface SparseModel {
  bias: number;
  weights: ReadonlyMap<number, number>;
}

export function loadSparse(stored: StoredModel): SparseModel {
  const weights = new Map<number, number>();
  stored.indices.forEach((index, k) => {
    weights.set(index, stored.weights[k]! / WEIGHT_SCALE);
  });
  return { bias: stored.bias, weights };
}

/** The uncalibrated score (log-odds) of a feature-index set. */
export function sparseScore(model: SparseModel, indices: readonly number[]): number {
  let z = model.bias;
  for (const i of indices) z += model.weights.get(i) ?? 0;
  return z;
}

/**
 * One-vs-rest choice among classes: the class whose head scores highest,
 * and its share of the heads' probabilities (how sure the choice is).
 */
export function chooseClass(
  heads: readonly SparseModel[],
  indices: readonly number[],
): { index: number; p: number } {
  const probabilities = heads.map((h) => 1 / (1 + Math.exp(-sparseScore(h, indices))));
  let index = 0;
  probabilities.forEach((p, k) => {
    if (p > probabilities[index]!) index = k;
  });
  const total = probabilities.reduce((a, b) => a + b, 0);
  return { index, p: total > 0 ? probabilities[index]! / total : 0 };
}
