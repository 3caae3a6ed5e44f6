/**
 * Training and cross-validation of a binary linear model (the intent model
 * and the statement reader's binary heads): L2-regularised logistic
 * regression fitted by AdaGrad over hashed binary features. Deterministic:
 * the row order of every epoch comes from a seeded generator. Used by the
 * training scripts, the benchmarks and the tests, never at run time.
 */
import { type Calibration, calibrate, expectedCalibrationError, fitPlatt } from "./calibration.ts";
import { FEATURE_SPACE } from "./hashing.ts";
import { rawScore, type StoredModel, WEIGHT_SCALE } from "./linear-model.ts";

export interface TrainingRow {
  indices: number[];
  label: 0 | 1;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight of a negative row's loss (the intent model: a false trigger in a busy thread costs more than a miss). */
  negativeWeight: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 30,
  learningRate: 0.05,
  l2: 1e-3,
  negativeWeight: 1.5,
  seed: 7,
};

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface FittedWeights {
  bias: number;
  weights: Float32Array;
}

export function fitLogistic(
  rows: readonly TrainingRow[],
  options: TrainingOptions = DEFAULT_TRAINING,
): FittedWeights {
  const weights = new Float32Array(FEATURE_SPACE);
  const squared = new Float32Array(FEATURE_SPACE);
  let bias = 0;
  let biasSquared = 0;
  const random = seeded(options.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const row = rows[k]!;
      const z = rawScore({ bias, weights }, row.indices);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - row.label) * (row.label === 1 ? 1 : options.negativeWeight);
      for (const i of row.indices) {
        const grad = g + options.l2 * weights[i]!;
        squared[i]! += grad * grad;
        weights[i]! -= (options.learningRate * grad) / Math.sqrt(squared[i]! + 1e-8);
      }
      biasSquared += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasSquared + 1e-8);
    }
  }
  return { bias, weights };
}

/** Which of `folds` folds a row belongs to: by position, so every fold mixes every source file. */
export const foldOf = (index: number, folds: number) => index % folds;

export interface CrossValidation {
  /** Uncalibrated score of each row from the model trained without its fold. */
  outOfFold: number[];
  calibration: Calibration;
  /** Calibrated out-of-fold probabilities. */
  probabilities: number[];
  ece: number;
}

export function crossValidate(
  rows: readonly TrainingRow[],
  folds = 5,
  options: TrainingOptions = DEFAULT_TRAINING,
): CrossValidation {
  const outOfFold = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = fitLogistic(
      rows.filter((_, i) => foldOf(i, folds) !== k),
      options,
    );
    rows.forEach((row, i) => {
      if (foldOf(i, folds) === k) outOfFold[i] = rawScore(model, row.indices);
    });
  }
  const labels = rows.map((r) => r.label);
  const calibration = fitPlatt(outOfFold, labels);
  const probabilities = outOfFold.map((s) => calibrate(s, calibration));
  return { outOfFold, calibration, probabilities, ece: expectedCalibrationError(probabilities, labels) };
}

/** The shipped model: weights fitted on every row, calibration from cross-validation. */
export function storedModel(fitted: FittedWeights, calibration: Calibration): StoredModel {
  const indices: number[] = [];
  const weights: number[] = [];
  fitted.weights.forEach((w, i) => {
    const q = Math.round(w * WEIGHT_SCALE);
    if (q !== 0) {
      indices.push(i);
      weights.push(q);
    }
  });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    bias: round(fitted.bias),
    calibration: { a: round(calibration.a), b: round(calibration.b) },
    indices,
    weights,
  };
}

/**
 * One-vs-rest heads for a choice among `classes` values: head k is fitted
 * with the rows of value k as positives and every other row as negatives.
 */
export function fitOneVsRest(
  rows: readonly { indices: number[]; value: number }[],
  classes: number,
  options: TrainingOptions = { ...DEFAULT_TRAINING, negativeWeight: 1 },
): FittedWeights[] {
  return Array.from({ length: classes }, (_, k) =>
    fitLogistic(
      rows.map((r) => ({ indices: r.indices, label: r.value === k ? 1 : 0 })),
      options,
    ),
  );
}
