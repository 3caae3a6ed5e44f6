/**
 * Trains the statement reader from the labelled statements in
 * test/engine/account/statements/train and writes
 * src/engine/account/statement-model.generated.ts: one-vs-rest heads for the
 * act, certainty, actor and wait, and binary heads for negation and
 * pointing back. Prints 5-fold cross-validated and held-out accuracy.
 * Deterministic. `npm run train:statements`; `--check` exits 1 when the
 * committed model differs from what it would write.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ACTORS, CERTAINTIES, STATEMENT_ACTS, WAIT_PARTIES } from "../src/engine/account/acts.ts";
import { statementFeatures } from "../src/engine/account/statement-features.ts";
import type { StoredStatementModels } from "../src/engine/account/statement-model.ts";
import { type HeadName, packModels, pick, scoreHeads, yes } from "../src/engine/account/statement-model.ts";
import { indicesOf } from "../src/ml/hashing.ts";
import type { StoredModel } from "../src/ml/linear-model.ts";
import { DEFAULT_TRAINING, type FittedWeights, fitOneVsRest, foldOf, storedModel } from "../src/ml/train.ts";
import {
  inputOf,
  type LabelledStatement,
  loadStatements,
} from "../test/engine/account/support/statement-data.ts";

const OUT = fileURLToPath(new URL("../src/engine/account/statement-model.generated.ts", import.meta.url));
const OPTIONS = { ...DEFAULT_TRAINING, negativeWeight: 1, epochs: 25 };
/** Weights below this (in thousandths) are dropped: they change no reading and bloat the file. */
const PRUNE = 300;

type Row = { indices: number[]; row: LabelledStatement };

const labelOf: Record<HeadName, (r: LabelledStatement) => number> = {
  act: (r) => STATEMENT_ACTS.indexOf(r.act),
  certainty: (r) => CERTAINTIES.indexOf(r.certainty),
  actor: (r) => ACTORS.indexOf(r.actor),
  wait: (r) => WAIT_PARTIES.indexOf((r.waiting_on ?? "none") as (typeof WAIT_PARTIES)[number]),
  negated: (r) => (r.negated ? 0 : 1),
  refersBack: (r) => (r.refers_back ? 0 : 1),
};
const classes: Record<HeadName, number> = {
  act: STATEMENT_ACTS.length,
  certainty: CERTAINTIES.length,
  actor: ACTORS.length,
  wait: WAIT_PARTIES.length,
  negated: 1,
  refersBack: 1,
};

function fit(rows: readonly Row[]): StoredStatementModels {
  const out = {} as StoredStatementModels;
  for (const head of Object.keys(classes) as HeadName[]) {
    const fitted: FittedWeights[] = fitOneVsRest(
      rows.map((r) => ({ indices: r.indices, value: labelOf[head](r.row) })),
      classes[head],
      OPTIONS,
    );
    out[head] = fitted.map((f) => prune(storedModel(f, { a: 1, b: 0 })));
  }
  return out;
}

function prune(model: StoredModel): StoredModel {
  const keep = model.weights.map((w, i) => (Math.abs(w) >= PRUNE ? i : -1)).filter((i) => i >= 0);
  return {
    ...model,
    indices: keep.map((i) => model.indices[i]!),
    weights: keep.map((i) => model.weights[i]!),
  };
}

export interface Scored {
  act: number;
  negated: number;
  certainty: number;
  actor: number;
  wait: number;
  refersBack: number;
  rows: number;
  confusions: Map<string, number>;
}

const emptyScore = (rows: number): Scored => ({
  act: 0,
  negated: 0,
  certainty: 0,
  actor: 0,
  wait: 0,
  refersBack: 0,
  rows,
  confusions: new Map(),
});

function evaluate(models: StoredStatementModels, rows: readonly Row[]): Scored {
  const packed = packModels(models);
  const s: Scored = emptyScore(rows.length);
  for (const { indices: _, row } of rows) {
    const scores = scoreHeads(packed, statementFeatures(inputOf(row)));
    const act = STATEMENT_ACTS[pick(packed, scores, "act").index]!;
    if (act === row.act) s.act += 1;
    else {
      const key = `${row.act} -> ${act}`;
      s.confusions.set(key, (s.confusions.get(key) ?? 0) + 1);
    }
    if (yes(packed, scores, "negated") === row.negated) s.negated += 1;
    if (CERTAINTIES[pick(packed, scores, "certainty").index] === row.certainty) s.certainty += 1;
    if (ACTORS[pick(packed, scores, "actor").index] === row.actor) s.actor += 1;
    if (WAIT_PARTIES[pick(packed, scores, "wait").index] === (row.waiting_on ?? "none")) s.wait += 1;
    if (yes(packed, scores, "refersBack") === row.refers_back) s.refersBack += 1;
  }
  return s;
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
function report(label: string, s: Scored): void {
  console.log(
    `${label.padEnd(16)} ${String(s.rows).padStart(5)} rows  act ${pct(s.act, s.rows)}  negated ${pct(s.negated, s.rows)}  certainty ${pct(s.certainty, s.rows)}  actor ${pct(s.actor, s.rows)}  wait ${pct(s.wait, s.rows)}  refers back ${pct(s.refersBack, s.rows)}`,
  );
  if (process.argv.includes("--verbose"))
    for (const [k, n] of [...s.confusions].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`   ${n}  ${k}`);
}

const toRows = (rows: LabelledStatement[]): Row[] =>
  rows.map((row) => ({ row, indices: indicesOf(statementFeatures(inputOf(row))) }));

const train = toRows(loadStatements("train"));
const holdout = toRows(loadStatements("holdout"));

if (process.argv.includes("--cv")) {
  const folds = 5;
  const total: Scored = emptyScore(0);
  for (let k = 0; k < folds; k++) {
    const s = evaluate(
      fit(train.filter((_, i) => foldOf(i, folds) !== k)),
      train.filter((_, i) => foldOf(i, folds) === k),
    );
    for (const key of ["act", "negated", "certainty", "actor", "wait", "refersBack", "rows"] as const)
      total[key] += s[key];
    for (const [c, n] of s.confusions) total.confusions.set(c, (total.confusions.get(c) ?? 0) + n);
  }
  report("5-fold (train)", total);
}

const models = fit(train);
report("held-out", evaluate(models, holdout));
// Statements labelled one by one and statements labelled reading the whole thread, apart.
for (const inContext of [false, true]) {
  const part = holdout.filter((r) => (r.row.message !== undefined) === inContext);
  if (part.length) report(inContext ? "  in a thread" : "  one by one", evaluate(models, part));
}
const text = `// Generated by scripts/train-statements.ts from ${train.length} labelled statements: do not edit.
import type { StoredStatementModels } from "./statement-model.ts";

export const STATEMENT_MODELS: StoredStatementModels = ${JSON.stringify(models)};
`;
const weights = Object.values(models)
  .flat()
  .reduce((n, m) => n + m.indices.length, 0);
console.log(`${weights} weights, ${(text.length / 1024).toFixed(0)} KiB`);

if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== text) {
    console.error("statement-model.generated.ts is stale: run `npm run train:statements`");
    process.exit(1);
  }
  console.log("statement-model.generated.ts is current");
} else writeFileSync(OUT, text);
