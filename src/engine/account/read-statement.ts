import { featureIndex } from "../../ml/hashing.ts";
import { classifyStatement } from "../context/roles/statement-roles.ts";
import { memoByText } from "../context/text-memo.ts";
import {
  ACTORS,
  type Actor,
  CERTAINTIES,
  type Certainty,
  STATEMENT_ACTS,
  type StatementAct,
  WAIT_PARTIES,
  type WaitParty,
} from "./acts.ts";
import {
  beforeFeatures,
  isShortStatement,
  ownFeatures,
  type StatementInput,
  shortFeatures,
  statementFeatures,
  wordsOf,
} from "./statement-features.ts";
import { STATEMENT_MODELS } from "./statement-model.generated.ts";
import { addFeatureRows, packModels, pick, scoreHeads, yes } from "./statement-model.ts";

/** One statement as the reader understands it. */
export interface StatementReading {
  act: StatementAct;
  /** The act's share of the act heads' probabilities. */
  confidence: number;
  negated: boolean;
  certainty: Certainty;
  actor: Actor;
  waitingOn: WaitParty | null;
  /** Only points back at the statement before it ("Bingo", "that didn't help either"). */
  refersBack: boolean;
}

const MODELS = packModels(STATEMENT_MODELS);

function readingOf(scores: Float64Array): StatementReading {
  const act = pick(MODELS, scores, "act");
  const wait = WAIT_PARTIES[pick(MODELS, scores, "wait").index]!;
  return {
    act: STATEMENT_ACTS[act.index]!,
    confidence: act.p,
    negated: yes(MODELS, scores, "negated"),
    certainty: CERTAINTIES[pick(MODELS, scores, "certainty").index]!,
    actor: ACTORS[pick(MODELS, scores, "actor").index]!,
    waitingOn: wait === "none" ? null : wait,
    refersBack: yes(MODELS, scores, "refersBack"),
  };
}

export function readStatementWith(input: StatementInput): StatementReading {
  return readingOf(scoreHeads(MODELS, statementFeatures(input)));
}

/** A statement read on its own, by one author, in or after the engineer's first message. */
interface OwnReading {
  reading: StatementReading;
  /**
   * Kept only for a statement too short to mean much alone ("Bingo", "didn't help either"),
   * which is read with the statement before it: the heads' log-odds from its own features,
   * those features' indices, and what its words add beside the statement before.
   */
  part: { scores: Float64Array; indices: number[]; shortIndices: number[] } | null;
}

const AUTHOR_SLOT: Record<StatementInput["author"], number> = { engineer: 0, assistant: 2, client: 4 };

const MEMO_LIMIT = 50_000;
/** Readings by text, one slot per author and first message or not. */
const ownReadings = memoByText((): (OwnReading | undefined)[] => [], MEMO_LIMIT);
/** What a statement gives a short one after it, by its text. */
const beforeIndices = memoByText((text) => beforeFeatures(wordsOf(text)).map(featureIndex), MEMO_LIMIT);

function ownReading(text: string, author: StatementInput["author"], first: boolean): OwnReading {
  const slots = ownReadings(text);
  const slot = AUTHOR_SLOT[author] + (first ? 1 : 0);
  const known = slots[slot];
  if (known) return known;
  const words = wordsOf(text);
  const rule = classifyStatement(text, { first });
  const indices = ownFeatures({ text, author, rule }, words).map(featureIndex);
  const scores = new Float64Array(MODELS.bias);
  addFeatureRows(MODELS, scores, indices);
  const short = isShortStatement(text);
  const own: OwnReading = {
    reading: readingOf(scores),
    part: short ? { scores, indices, shortIndices: shortFeatures(words).map(featureIndex) } : null,
  };
  slots[slot] = own;
  return own;
}

/**
 * Reads one statement of a thread. A statement that stands alone is
 * remembered by its text; a short one is read with the statement before it,
 * since "Bingo" or "didn't help either" mean nothing alone: its own part of
 * the reading is remembered, the part from the statement before is added.
 */
export function readStatement(
  text: string,
  context: { author: StatementInput["author"]; first: boolean; previous?: string },
): StatementReading {
  const { reading, part } = ownReading(text, context.author, context.first);
  if (context.previous === undefined || !part) return reading;
  const scores = new Float64Array(part.scores);
  addFeatureRows(MODELS, scores, [...beforeIndices(context.previous), ...part.shortIndices], part.indices);
  return readingOf(scores);
}

export function forgetReadStatementActs(): void {
  ownReadings.clear();
  beforeIndices.clear();
}
