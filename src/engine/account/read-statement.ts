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
  /** The heads' log-odds from its own features, and those features' indices, to add the statement before it to. */
  scores: Float64Array;
  indices: number[];
  /** Few enough words to mean nothing alone ("Bingo", "didn't help either"). */
  short: boolean;
  /** What its words add when read with the statement before it. */
  shortIndices: number[];
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
  const short = text.split(/\s+/).length <= 6;
  const shortIndices = short ? shortFeatures(words).map(featureIndex) : [];
  const own = { reading: readingOf(scores), scores, indices, short, shortIndices };
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
  const own = ownReading(text, context.author, context.first);
  if (context.previous === undefined || !own.short) return own.reading;
  const scores = new Float64Array(own.scores);
  addFeatureRows(MODELS, scores, [...beforeIndices(context.previous), ...own.shortIndices], own.indices);
  return readingOf(scores);
}

export function forgetReadStatementActs(): void {
  ownReadings.clear();
  beforeIndices.clear();
}
