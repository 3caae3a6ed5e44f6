import type { Calibration } from "./calibration.ts";
import { calibrate } from "./calibration.ts";
import { FEATURE_SPACE, indicesOf } from "./hashing.ts";

/** A logistic regression over hashed features, with its calibration. */
export interface LinearModel {
  bias: number;
  weights: Float32Array;
  calibration: Calibration;
}

/** The uncalibrated score (log-odds) of a message's features. */
export function rawScore(model: Pick<LinearModel, "bias" | "weights">, indices: readonly number[]): number {
  let z = model.bias;
  for (const i of indices) z += model.weights[i]!;
  return z;
}

/** Calibrated probability that the features belong to the positive class. */
export function probability(model: LinearModel, features: readonly string[]): number {
  return calibrate(rawScore(model, indicesOf(features)), model.calibration);
}

/** The shipped form: sparse weights as parallel arrays, quantised to 1/1000. */
export interface StoredModel {
  bias: number;
  calibration: Calibration;
  indices: number[];
  weights: number[];
}

export const WEIGHT_SCALE = 1000;

export function loadModel(stored: StoredModel): LinearModel {
  const weights = new Float32Array(FEATURE_SPACE);
  stored.indices.forEach((index, k) => {
    weights[index] = stored.weights[k]! / WEIGHT_SCALE;
  });
  return { bias: stored.bias, weights, calibration: stored.calibration };
}
