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
import { type StatementInput, statementFeatures } from "./statement-features.ts";
import { STATEMENT_MODELS } from "./statement-model.generated.ts";
import { packModels, pick, scoreHeads, yes } from "./statement-model.ts";

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

export function readStatementWith(input: StatementInput): StatementReading {
  const scores = scoreHeads(MODELS, statementFeatures(input));
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

const MEMO_LIMIT = 50_000;
const readAlone = memoByText((key) => {
  const [author, first, text] = key.split("\u0000") as [StatementInput["author"], string, string];
  return readStatementWith({ text, author, rule: classifyStatement(text, { first: first === "1" }) });
}, MEMO_LIMIT);

/**
 * Reads one statement of a thread. A statement that stands alone is
 * remembered by its text; a short one is read with the statement before it,
 * since "Bingo" or "didn't help either" mean nothing alone.
 */
export function readStatement(
  text: string,
  context: { author: StatementInput["author"]; first: boolean; previous?: string },
): StatementReading {
  if (context.previous !== undefined && text.split(/\s+/).length <= 6)
    return readStatementWith({
      text,
      author: context.author,
      previous: context.previous,
      rule: classifyStatement(text, { first: context.first }),
    });
  return readAlone(`${context.author}\u0000${context.first ? "1" : "0"}\u0000${text}`);
}

export function forgetReadStatementActs(): void {
  readAlone.clear();
}
