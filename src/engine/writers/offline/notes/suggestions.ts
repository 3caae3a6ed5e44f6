import type { Action, SessionAccount } from "../../../account/session-account.ts";
import { INFINITIVES } from "../../../context/roles/verb-lexicon.generated.ts";
import { sameWork } from "./done-later.ts";
import { statementIndex } from "./note-lines.ts";

/** Advice, as opposed to the assistant explaining: an imperative ("Check the writers") or a proposal ("you could …"). */
const PROPOSAL = /\b(?:you (?:could|should|can|might|may want to)|consider|worth|i'd|i would|recommend)\b/i;
const NOT_COMMANDS = new Set([
  "while",
  "since",
  "once",
  "that",
  "this",
  "it",
  "a",
  "an",
  "the",
  "if",
  "because",
]);

function advises(text: string): boolean {
  const first = /^(?:please\s+)?([a-z]+)\b/i.exec(text.trim())?.[1]?.toLowerCase();
  if (first && !NOT_COMMANDS.has(first) && INFINITIVES.has(first)) return true;
  return PROPOSAL.test(text);
}

/**
 * The assistant's latest advice that nobody has acted on: only its last
 * message that gives any, and none of it that a later statement of the
 * engineer already does.
 */
export function pendingSuggestions(account: SessionAccount): Action[] {
  const indexOf = statementIndex(account);
  const advice = account.actions.filter(
    (a) => a.state === "suggested" && a.actor === "assistant" && advises(a.text),
  );
  const lastMessage = advice.at(-1)?.sources[0];
  if (!lastMessage) return [];
  return advice
    .filter((a) => a.sources[0] === lastMessage)
    .filter((a) => {
      const from = indexOf(a);
      return !account.statements.some(
        (s, i) => i > from && s.author !== "assistant" && sameWork(a.text, s.text),
      );
    });
}
