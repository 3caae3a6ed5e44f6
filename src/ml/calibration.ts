/** Platt scaling: p = sigmoid(a * score + b), fitted on scores the model gave rows it was not trained on. */
export interface Calibration {
  a: number;
  b: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function calibrate(score: number, c: Calibration): number {
  return sigmoid(c.a * score + c.b);
}

/** Fits a and b by Newton's method on the log loss, with Platt's smoothed targets. */
export function fitPlatt(scores: readonly number[], labels: readonly (0 | 1)[]): Calibration {
  const positives = labels.filter((l) => l === 1).length;
  const negatives = labels.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const targets = labels.map((l) => (l === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    scores.forEach((s, i) => {
      const p = sigmoid(a * s + b);
      const d = p - targets[i]!;
      const w = p * (1 - p);
      ga += d * s;
      gb += d;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

/** Expected calibration error over equal-width bins of the predicted probability. */
export function expectedCalibrationError(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  probabilities.forEach((p, i) => {
    const bin = Math.min(bins - 1, Math.floor(p * bins));
    count[bin]!++;
    sumP[bin]! += p;
    sumY[bin]! += labels[i]!;
  });
  let ece = 0;
  for (let k = 0; k < bins; k++) {
    if (count[k])
      ece += (count[k]! / probabilities.length) * Math.abs(sumP[k]! / count[k]! - sumY[k]! / count[k]!);
  }
  return ece;
}
