import type { Action, SessionAccount } from "../../../account/session-account.ts";
import { contentStems, sharedStems } from "../../../context/content-words.ts";
import { INFINITIVES } from "../../../context/roles/verb-lexicon.generated.ts";
import { sameWork } from "./done-later.ts";
import { declinesStep, refusesOutright } from "./line-grammar.ts";
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

const BARE_NO = /^\W*(?:no|nope|nah|not doing that|no way|no chance)\W*$/i;
/** Why a step would not do: "would just re-download 400k items and make it worse", "pointless", "won't help". */
const WORSE =
  /\b(?:would|will|'d|'ll)\s+(?:just\s+|only\s+)?(?:make (?:it|things) worse|break|wipe|lose)\b|\b(?:make (?:it|things|this) worse|pointless|no point|won'?t help|wouldn'?t help|doesn'?t help)\b/i;

/** Shares a word of what it is about: "not changing power or channels" answers "set 5GHz transmit power to high". */
export function sharesTopic(a: string, b: string): boolean {
  return sharedStems(contentStems(a), contentStems(b)) > 0;
}

/**
 * The assistant's latest advice that nobody has acted on or turned down:
 * only its last message that gives any, none of it that a later statement
 * of the engineer already does, and none the engineer's next message
 * refuses ("no chance", "cant, 14 clinicians in it all day", "not changing
 * power or channels mid-morning").
 */
export function pendingSuggestions(account: SessionAccount): Action[] {
  const indexOf = statementIndex(account);
  const advice = account.actions.filter(
    (a) => a.state === "suggested" && a.actor === "assistant" && advises(a.text),
  );
  const lastMessage = advice.at(-1)?.sources[0];
  if (!lastMessage) return [];
  const from = Math.max(...advice.filter((a) => a.sources[0] === lastMessage).map(indexOf));
  const replyMessage = account.statements.find((s, i) => i > from && s.author === "engineer")?.message;
  const reply = account.statements.filter((s) => s.author === "engineer" && s.message === replyMessage);
  // "resetting 12 pcs … would just re-download 400k items and make it worse. no.": refused, first or last.
  const refusedOutright =
    reply.length > 0 && (refusesOutright(reply[0]!.text) || reply.some((s) => BARE_NO.test(s.text)));
  return advice
    .filter((a) => a.sources[0] === lastMessage)
    .filter(
      (a) =>
        !refusedOutright &&
        !reply.some((s) => (declinesStep(s.text) || WORSE.test(s.text)) && sharesTopic(a.text, s.text)),
    )
    .filter((a) => {
      const at = indexOf(a);
      return !account.statements.some(
        (s, i) => i > at && s.author !== "assistant" && sameWork(a.text, s.text),
      );
    });
}
