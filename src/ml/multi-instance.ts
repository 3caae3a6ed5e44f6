/**
 * Multiple-instance training of a binary linear model: a labelled message is
 * a bag of instances (its clauses), the bag's score is its best instance's
 * score, and only the bag carries a label. Every instance of a negative bag
 * is a negative; a positive bag's positive is the instance the current model
 * scores highest (the caller's prior picks it in the first round), the other
 * instances of a positive bag are left out. Deterministic, like train.ts.
 */

import { bagScore } from "./bag-score.ts";
import { type Calibration, calibrate, expectedCalibrationError, fitPlatt } from "./calibration.ts";
import {
  DEFAULT_TRAINING,
  type FittedWeights,
  fitLogistic,
  foldOf,
  type TrainingOptions,
  type TrainingRow,
} from "./train.ts";

export interface Bag {
  /** Hashed feature indices of each instance. */
  instances: number[][];
  label: 0 | 1;
  /** Prior belief per instance that it is the positive one (used to pick it before any model exists). */
  prior: number[];
}

/** Rounds of "pick each positive bag's best instance, refit". */
export const MULTI_INSTANCE_ROUNDS = 3;

export { bagScore };

const argmax = (values: readonly number[]) =>
  values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);

function rowsOf(bags: readonly Bag[], chosen: readonly number[]): TrainingRow[] {
  const rows: TrainingRow[] = [];
  bags.forEach((bag, b) => {
    if (bag.label === 1) rows.push({ indices: bag.instances[chosen[b]!]!, label: 1 });
    else for (const indices of bag.instances) rows.push({ indices, label: 0 });
  });
  return rows;
}

export function fitBags(
  bags: readonly Bag[],
  options: TrainingOptions = DEFAULT_TRAINING,
  rounds = MULTI_INSTANCE_ROUNDS,
): FittedWeights {
  let chosen = bags.map((bag) => argmax(bag.prior));
  let model = fitLogistic(rowsOf(bags, chosen), options);
  for (let round = 1; round < rounds; round++) {
    const next = bags.map((bag, b) => (bag.label === 1 ? bagScore(model, bag.instances).best : chosen[b]!));
    if (next.every((c, b) => c === chosen[b])) break;
    chosen = next;
    model = fitLogistic(rowsOf(bags, chosen), options);
  }
  return model;
}

export interface BagCrossValidation {
  /** Uncalibrated bag score of each bag from the model trained without its fold. */
  outOfFold: number[];
  calibration: Calibration;
  probabilities: number[];
  ece: number;
}

/** k-fold cross-validation of fitBags, with Platt calibration on the out-of-fold bag scores. */
export function crossValidateBags(
  bags: readonly Bag[],
  folds = 5,
  options: TrainingOptions = DEFAULT_TRAINING,
): BagCrossValidation {
  const outOfFold = new Array<number>(bags.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = fitBags(
      bags.filter((_, i) => foldOf(i, folds) !== k),
      options,
    );
    bags.forEach((bag, i) => {
      if (foldOf(i, folds) === k) outOfFold[i] = bagScore(model, bag.instances).score;
    });
  }
  const labels = bags.map((b) => b.label);
  const calibration = fitPlatt(outOfFold, labels);
  const probabilities = outOfFold.map((s) => calibrate(s, calibration));
  return { outOfFold, calibration, probabilities, ece: expectedCalibrationError(probabilities, labels) };
}
