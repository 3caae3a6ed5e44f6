import { indicesOf } from "../../ml/hashing.ts";
import { loadModel, rawScore } from "../../ml/linear-model.ts";
import { expandAbbreviations } from "../context/abbreviations.ts";
import { type CauseCandidate, type CauseStatement, causeCandidates } from "./cause-candidates.ts";
import { CAUSE_MODEL } from "./cause-model.generated.ts";
import { quotedWords } from "./to-client.ts";

export interface StandingCause {
  text: string;
  sources: string[];
  at: Date;
  state: "confirmed";
  certainty: "certain";
  /** The rules read it as the diagnosis too, or the engineer confirmed it ("yep that's it"). */
  firm: boolean;
}

const CAUSE_UNKNOWN =
  /\b(?:no idea why|not sure why|(?:do|did)n'?t know why|dont know why|no cause (?:yet|found)|cause (?:is )?(?:still )?unknown|no clue why|still no idea)\b/i;

const model = loadModel(CAUSE_MODEL.model);

/** The cause model's log-odds that a candidate states the session's cause. */
export const causeScore = (candidate: Pick<CauseCandidate, "features">): number =>
  rawScore(model, indicesOf(candidate.features));

/**
 * What saying outright that a line is the cause ("Found it: …", "root cause: …") adds to the model's score: few
 * labelled sessions do it, so the model weighs it less than an engineer reading the thread would.
 */
const STATED_OUTRIGHT = 1;

/** The candidate scored highest, when it clears the threshold; at equal weight the later, as the cause standing is the last one reached. */
export function chooseCause(
  candidates: readonly CauseCandidate[],
  score: (candidate: CauseCandidate) => number,
  threshold: number,
): CauseCandidate | null {
  let best: { score: number; candidate: CauseCandidate } | null = null;
  for (const candidate of candidates) {
    const value = score(candidate) + (candidate.stated ? STATED_OUTRIGHT : 0);
    if (value >= threshold && (!best || value >= best.score)) best = { score: value, candidate };
  }
  return best?.candidate ?? null;
}

/**
 * The cause standing now, as a clean clause: of the statements that may name
 * it ({@link causeCandidates}), the one the cause model scores highest, when
 * it clears the model's threshold. The model is trained on the labelled
 * sessions (`npm run train:cause`). None once the engineer says after it that
 * the cause is not known ("no idea why").
 */
export function standingCause(
  statements: readonly CauseStatement[],
  diagnosis: { text: string; at: Date } | null,
  // Words sent to someone, or someone's words quoted ("nadia: 'we had the office refitted …'"): retold for them, not the engineer's own reading.
  quoted: readonly boolean[] = quotedWords(statements),
  /** The engineer's resolution summary or escalation reason, when the session has one. */
  outcome: string | null = null,
): StandingCause | null {
  const candidates = causeCandidates(statements, diagnosis, quoted, outcome);
  const best = chooseCause(candidates, causeScore, CAUSE_MODEL.threshold);
  if (!best) return null;
  const { index, clause, confirmedBy, firm } = best;
  // "so scrap that, no idea why these 4": the engineer says after it that the cause is not known.
  if (statements.some((s, i) => i > index && s.author === "engineer" && CAUSE_UNKNOWN.test(s.text)))
    return null;
  const from = [statements[index]!, ...(confirmedBy !== undefined ? [statements[confirmedBy]!] : [])];
  return {
    // A clean clause reads as documentation: "cert" is "certificate".
    text: expandAbbreviations(clause),
    sources: [...new Set(from.map((s) => s.source))],
    at: from.at(-1)!.at,
    state: "confirmed",
    certainty: "certain",
    firm,
  };
}
