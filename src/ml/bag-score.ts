/** A message scored as a bag of instances (its clauses): the best instance decides. */
import { type LinearModel, rawScore } from "./linear-model.ts";

/** The bag's score: its best instance's raw score, and which instance that is. */
export function bagScore(
  model: Pick<LinearModel, "bias" | "weights">,
  instances: readonly (readonly number[])[],
): { score: number; best: number } {
  let score = Number.NEGATIVE_INFINITY;
  let best = 0;
  instances.forEach((indices, i) => {
    const s = rawScore(model, indices);
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return { score, best };
}
