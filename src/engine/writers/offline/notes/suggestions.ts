import type { Action, SessionAccount } from "../../../account/session-account.ts";
import { contentStems, sharedStems } from "../../../context/content-words.ts";
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

/** Shares a word of what it is about: "not changing power or channels" answers "set 5GHz transmit power to high". */
export function sharesTopic(a: string, b: string): boolean {
  return sharedStems(contentStems(a), contentStems(b)) > 0;
}

/**
 * The assistant's latest advice while it is still the last word: once the
 * engineer writes again, whether they took it or turned it down is theirs to
 * say, and the notes do not guess ("no chance", "cant, 14 clinicians in it
 * all day", or the step done in other words). Advice the client has since
 * acted on is not listed either.
 */
export function pendingSuggestions(account: SessionAccount): Action[] {
  const indexOf = statementIndex(account);
  const advice = account.actions.filter(
    (a) => a.state === "suggested" && a.actor === "assistant" && advises(a.text),
  );
  const lastMessage = advice.at(-1)?.sources[0];
  if (!lastMessage) return [];
  const latest = advice.filter((a) => a.sources[0] === lastMessage);
  const from = Math.max(...latest.map(indexOf));
  if (account.statements.some((s, i) => i > from && s.author === "engineer")) return [];
  return latest.filter(
    (a) => !account.statements.some((s, i) => i > from && s.author === "client" && sameWork(a.text, s.text)),
  );
}
