import { resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/**
 * The shared development sets (labelled phrases, session transcripts), copied
 * into the repository so a fresh clone tests on its own. FLOWPILOT_EVAL_DIR
 * points the same tests and benchmarks at a newer copy elsewhere;
 * `npm run eval:sync -- DIR` copies one in.
 */
export const SHARED_EVAL_DIR = process.env.FLOWPILOT_EVAL_DIR
  ? resolve(process.env.FLOWPILOT_EVAL_DIR)
  : resolve(REPO_ROOT, "test/fixtures/shared-eval");
