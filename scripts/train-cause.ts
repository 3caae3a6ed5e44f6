/**
 * Trains the cause model from the labelled sessions (test/engine/account
 * support: every set with account labels) and writes
 * src/engine/account/cause-model.generated.ts. A statement that may name the
 * cause ({@link causeCandidates}) is a positive when it holds the labelled
 * cause's keywords. Prints, per set, how the model reads the sets it was not
 * trained on (leave one set out): the cause right, wrong, given where the
 * label has none (spurious), missed, or rightly none. The threshold is the
 * highest of those that read within 1% of the most held-out sessions right
 * (right or rightly none): fewer wrong cause lines for as many right.
 * Deterministic.
 * `npm run train:cause`; `--check` exits 1 when the committed model differs;
 * `--table` prints the held-out tally at every threshold tried.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type CauseCandidate, causeCandidates, outcomeOf } from "../src/engine/account/cause-candidates.ts";
import { readSessionStatements } from "../src/engine/account/session-account.ts";
import { chooseCause } from "../src/engine/account/standing-cause.ts";
import { quotedWords } from "../src/engine/account/to-client.ts";
import { buildSessionFacts } from "../src/engine/context/session-facts.ts";
import { redactSnapshot } from "../src/engine/intake/redact-session.ts";
import { indicesOf } from "../src/ml/hashing.ts";
import { rawScore } from "../src/ml/linear-model.ts";
import { DEFAULT_TRAINING, type FittedWeights, fitLogistic, storedModel } from "../src/ml/train.ts";
import {
  LABELLED_SETS,
  type LabelledSession,
  loadLabelledSessions,
  matches,
} from "../test/engine/account/support/labelled-accounts.ts";

const OUT = fileURLToPath(new URL("../src/engine/account/cause-model.generated.ts", import.meta.url));
const OPTIONS = { ...DEFAULT_TRAINING, negativeWeight: 1, epochs: 40, l2: 3e-3 };
const THRESHOLDS = Array.from({ length: 33 }, (_, k) => -4 + k * 0.25);

interface Case {
  set: string;
  labelled: LabelledSession;
  candidates: CauseCandidate[];
  positive: boolean[];
}

type Tally = { right: number; wrong: number; spurious: number; missed: number; none: number };

const cases: Case[] = [];
for (const set of Object.keys(LABELLED_SETS))
  for (const labelled of loadLabelledSessions(set)) {
    // A resolved session labelled without a cause says nothing of what its cause line should be.
    if (labelled.label.cause === null && labelled.label.stage === "resolved") continue;
    const { label } = labelled;
    // Read as the writers read it: with the secrets typed into it already replaced by markers.
    const session = await redactSnapshot(labelled.session);
    const statements = readSessionStatements(session);
    const candidates = causeCandidates(
      statements,
      buildSessionFacts(session).diagnosis,
      quotedWords(statements),
      outcomeOf(session),
    );
    const positive = candidates.map((c) => (label.cause ? matches(c.clause, label.cause.keywords) : false));
    cases.push({ set, labelled, candidates, positive });
  }

function fitOn(training: readonly Case[]): FittedWeights {
  return fitLogistic(
    training.flatMap((c) =>
      c.candidates.map((candidate, k) => ({
        indices: indicesOf(candidate.features),
        label: c.positive[k] ? (1 as const) : (0 as const),
      })),
    ),
    OPTIONS,
  );
}

function tally(
  scored: readonly { c: Case; scores: Map<CauseCandidate, number> }[],
  threshold: number,
): Tally {
  const t: Tally = { right: 0, wrong: 0, spurious: 0, missed: 0, none: 0 };
  for (const { c, scores } of scored) {
    const chosen = chooseCause(c.candidates, (x) => scores.get(x)!, threshold);
    const label = c.labelled.label.cause;
    if (!label) t[chosen ? "spurious" : "none"] += 1;
    else if (!chosen) t.missed += 1;
    else t[matches(chosen.clause, label.keywords) ? "right" : "wrong"] += 1;
  }
  return t;
}

/** Sessions read right: the labelled cause, or none where none is labelled. A wrong line and a missing one cost alike. */
const merit = (t: Tally) => t.right + t.none;
const line = (t: Tally) =>
  `right ${t.right}  wrong ${t.wrong}  spurious ${t.spurious}  missed ${t.missed}  none ${t.none}`;

// Leave one set out: each set is read by a model fitted on all the others.
const heldOut: { c: Case; scores: Map<CauseCandidate, number> }[] = [];
for (const set of Object.keys(LABELLED_SETS)) {
  const weights = fitOn(cases.filter((c) => c.set !== set));
  for (const c of cases.filter((x) => x.set === set))
    heldOut.push({
      c,
      scores: new Map(c.candidates.map((x) => [x, rawScore(weights, indicesOf(x.features))])),
    });
}
const merits = new Map(THRESHOLDS.map((t) => [t, merit(tally(heldOut, t))]));
const best = Math.max(...merits.values());
// Of the thresholds within 1% of the best, the highest: as many sessions read right, fewer wrong cause lines.
const threshold = Math.max(...THRESHOLDS.filter((t) => merits.get(t)! >= best - 0.01 * heldOut.length));
const reachable = cases.filter((c) => c.positive.some(Boolean)).length;
console.log(
  `${cases.length} sessions, ${cases.reduce((n, c) => n + c.candidates.length, 0)} candidates; a labelled cause is among the candidates in ${reachable} of ${cases.filter((c) => c.labelled.label.cause).length}`,
);
console.log(`threshold ${threshold}`);
if (process.argv.includes("--table"))
  for (const t of THRESHOLDS) console.log(`  at ${t}: ${line(tally(heldOut, t))}`);
for (const set of Object.keys(LABELLED_SETS))
  console.log(
    `  ${set.padEnd(10)} ${line(
      tally(
        heldOut.filter((h) => h.c.set === set),
        threshold,
      ),
    )}`,
  );
console.log(`held out, every set  ${line(tally(heldOut, threshold))}`);

const weights = fitOn(cases);
const model = storedModel(weights, { a: 1, b: 0 });
const text = `// Generated by scripts/train-cause.ts from ${cases.length} labelled sessions: do not edit.
import type { StoredModel } from "../../ml/linear-model.ts";

export const CAUSE_MODEL: { threshold: number; model: StoredModel } = ${JSON.stringify({ threshold, model })};
`;
if (process.argv.includes("--check")) {
  const current = readFileSync(OUT, "utf8") === text;
  console.log(
    current
      ? "cause-model.generated.ts is current"
      : "cause-model.generated.ts is stale: run npm run train:cause",
  );
  process.exit(current ? 0 : 1);
}
writeFileSync(OUT, text);
console.log(`wrote ${OUT}`);
