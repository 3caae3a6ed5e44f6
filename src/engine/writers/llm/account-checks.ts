import type { Action, SessionAccount } from "../../account/index.ts";
import { contentStems, sharedStems } from "../../context/content-words.ts";
import { readClause, type VerbUse } from "../../context/roles/clause.ts";
import { splitSentences } from "../../context/sentences.ts";
import type { SessionMessage } from "../../types.ts";
import type { SentenceSources } from "../types.ts";
import { clip, dataText } from "./prompt-data.ts";
import { readClaims } from "./sentence-claims.ts";

/** Most problems listed in one repair request. */
const MAX_PROBLEMS = 6;
/** Below this many content words a sentence is framing ("Thanks for your patience"), not checked against its sources. */
const MIN_CHECKED_WORDS = 3;

const NOT_APPLIED = new Set(["investigating", "identified"]);
const MADE: ReadonlySet<Action["state"]> = new Set(["done", "failed", "reverted"]);

const quote = (text: string) => `"${clip(dataText(text), 140)}"`;

/**
 * Sentences of the model's answer that the session account contradicts, or
 * whose cited sources do not exist or do not speak of what the sentence
 * says, as problems a repair request can list. The claims are read from the
 * verbs' tense and aspect (done, under way, resolved, waiting), not from
 * set phrases. `claims: false` checks the ids only.
 */
export function findAccountProblems(
  sentences: readonly SentenceSources[],
  account: SessionAccount,
  messages: readonly SessionMessage[],
  options: { claims?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const stemsOf = memoStems(messages);
  const anyChangeMade = account.actions.some((a) => a.change && MADE.has(a.state));
  for (const { sentence, ids } of sentences) {
    if (problems.length >= MAX_PROBLEMS) break;
    const stems = contentStems(sentence);
    const unknown = ids.filter((id) => !stemsOf(id));
    if (unknown.length > 0) {
      problems.push(
        `${quote(sentence)} cites ${unknown.join(", ")}, which the session does not have (its messages are m1-m${messages.length}).`,
      );
      continue;
    }
    const claim = (options.claims === false ? [] : splitSentences(sentence))
      .map((one) => contradiction(one, ids, contentStems(one), account, anyChangeMade))
      .find((found) => found !== null);
    if (claim) {
      problems.push(`${quote(sentence)} ${claim}`);
      continue;
    }
    if (ids.length > 0 && stems.size >= MIN_CHECKED_WORDS) {
      const cited = new Set(ids.flatMap((id) => [...stemsOf(id)!]));
      if (sharedStems(stems, cited) === 0) {
        problems.push(
          `${quote(sentence)} cites ${ids.join(", ")}, but those messages say nothing of it; cite the messages it rests on, or leave it out.`,
        );
      }
    }
  }
  return problems;
}

function contradiction(
  sentence: string,
  ids: readonly string[],
  stems: ReadonlySet<string>,
  account: SessionAccount,
  anyChangeMade: boolean,
): string | null {
  const claims = readClaims(sentence);
  const stage = account.stage;
  const notApplied = NOT_APPLIED.has(stage);
  const waiting = account.waitingOn;
  const waitingNote = waiting
    ? ` and the work waits on the ${waiting.on}${waiting.who ? ` (${waiting.who})` : ""} [${waiting.sources.join(", ")}]`
    : "";
  if (claims.resolved && notApplied) {
    return `says the problem is fixed, but the account's stage is ${stage}${waitingNote}; say what is known and what happens next instead.`;
  }
  if (claims.underway.length > 0 && notApplied) {
    return `says the fix is under way, but the account's stage is ${stage} (no change applied yet)${waitingNote}; say it is planned.`;
  }
  for (const verb of claims.done) {
    const found = doneClaimProblem(verb, ids, stems, account, anyChangeMade, waitingNote);
    if (found) return found;
  }
  if (claims.waiting && !waiting && stage !== "resolved") {
    return "says the work is waiting on someone, but the account waits on nobody now; leave that out.";
  }
  return null;
}

/** A change or remedy said to be done that the account holds as not made, or only as planned or proposed. */
function doneClaimProblem(
  verb: VerbUse,
  ids: readonly string[],
  stems: ReadonlySet<string>,
  account: SessionAccount,
  anyChangeMade: boolean,
  waitingNote: string,
): string | null {
  const stage = account.stage;
  const pending = account.actions.filter((a) => a.state === "planned" || a.state === "suggested");
  const same = (a: Action) => sameVerb(a.text, verb.infinitive);
  const cites = (sources: readonly string[]) => sources.some((id) => ids.includes(id));
  const about = (item: { text: string; sources: string[] }) =>
    cites(item.sources) || sharedStems(stems, contentStems(item.text)) > 0;
  const waiting = account.waitingOn;
  // The fix's topic: what is planned or proposed, the cause, what the work waits for.
  const fixTopics = [...pending, ...(account.cause ? [account.cause] : []), ...(waiting ? [waiting] : [])];
  if (
    verb.families.includes("change") &&
    NOT_APPLIED.has(stage) &&
    !anyChangeMade &&
    (fixTopics.some(about) || pending.some(same))
  ) {
    return `says something was changed ("${verb.word}"), but the account holds no change made yet (stage ${stage})${waitingNote}; say it is planned or proposed.`;
  }
  // The same work, cited or said with the same verb, is only planned or proposed, and nowhere done.
  const matches = (a: Action) => (ids.length > 0 ? cites(a.sources) : a.state !== "suggested" && same(a));
  const held = pending.filter(matches);
  const made = account.actions.filter((a) => MADE.has(a.state) && (cites(a.sources) || same(a)));
  if (held.length === 0 || made.length > 0) return null;
  const first = held[0]!;
  return `says it was done ("${verb.word}"), but the account holds it only as ${first.state}: ${quote(first.text)} [${first.sources.join(", ")}]; say it is ${first.state === "planned" ? "planned" : "proposed"}.`;
}

/** The action's text uses the verb (any form: "restart", "restarting", "restarted"). */
const sameVerb = (text: string, infinitive: string) =>
  readClause(text).verbs.some((v) => v.infinitive === infinitive);

/** Content stems of message "mN", read once; undefined for an id the session does not have. */
function memoStems(messages: readonly SessionMessage[]) {
  const memo = new Map<string, Set<string>>();
  return (id: string): Set<string> | undefined => {
    const n = /^m(\d+)$/.exec(id)?.[1];
    const index = n ? Number(n) - 1 : -1;
    if (index < 0 || index >= messages.length) return undefined;
    let stems = memo.get(id);
    if (!stems) {
      stems = contentStems(messages[index]!.text);
      memo.set(id, stems);
    }
    return stems;
  };
}
