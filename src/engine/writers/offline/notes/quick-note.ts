import type { SessionAccount } from "../../../account/session-account.ts";
import { lowerFirst } from "../../../context/sentences.ts";
import type { SessionFacts } from "../../../context/session-facts.ts";
import type { UpdateContextKind } from "../../../types.ts";
import { firstSentence, STATUS_LABEL } from "../format.ts";
import { declinesStep } from "./line-grammar.ts";
import type { NoteLine } from "./note-lines.ts";
import type { NoteParts } from "./note-parts.ts";
import { causeText, itemText, lineText, standingWaitText, weight } from "./note-text.ts";
import { waitOwner } from "./wait-owner.ts";

/** Quick notes stay well under what a ticket's summary field shows. */
const QUICK_MAX = 600;

/** Adds whole parts while the note stays short: nothing is cut inside a sentence. */
function within(base: string, parts: readonly string[]): string {
  let out = base;
  for (const part of parts) if (part && out.length + part.length <= QUICK_MAX) out += part;
  return out;
}

function waitPart(account: SessionAccount, parts: NoteParts): string {
  const wait = account.waitingOn!;
  // "…the number they called from?" as the wait ends the sentence once, not with "?.".
  const what = lowerFirst(standingWaitText(wait, account.waits)).replace(/\?$/, "");
  return ` Waiting on ${waitOwner(wait, parts.known)}: ${what}.`;
}

/** Changes that look after the ticket or a slip, not the fault: "rotated the key I pasted", "added a monitor", "wrote it up in itglue". */
const UPKEEP =
  /\b(?:rotat\w*|itglue|documented|wrote (?:it )?up|ticket notes?|reminder|added a monitor|monitor(?:ing)? (?:alert|check)|changed? the (?:\w+ )?admin (?:pw|password))\b/i;

/** Of the latest lines, the one that says most (names, figures), never a question or a step held back. */
function mostTelling(lines: readonly NoteLine[]): NoteLine | undefined {
  const recent = [...lines]
    .sort((a, b) => a.index - b.index)
    .filter((l) => !/\?\W*$/.test(l.text) && !declinesStep(l.text))
    .slice(-6);
  return recent.reduce<NoteLine | undefined>(
    (best, l) => (!best || weight(l) >= weight(best) ? l : best),
    undefined,
  );
}

/** The last two causes ruled out, in the engineer's words: "prob not a share size thing; not the CU". */
function ruledOut(lines: readonly NoteLine[]): string {
  return lines
    .slice(-2)
    .map((l) => lowerFirst(firstSentence(lineText(l))).replace(/[.!?]+$/, ""))
    .join("; ");
}

/** One or two sentences: the stage, time, the key fact, and what it waits on or what is next. */
export function quickTicketNote(
  facts: SessionFacts,
  account: SessionAccount,
  parts: NoteParts,
  context: UpdateContextKind,
): string {
  const topic = facts.summary ? facts.summary.replace(/[.!]+$/, "") : "Issue";
  const minutes = `${facts.timeSpentMinutes} min`;
  const { lines } = parts;
  const cause = account.cause ? ` Root cause: ${lowerFirst(firstSentence(causeText(account.cause)))}.` : "";

  if (context === "resolution") {
    const fix = facts.resolutionSummary
      ? firstSentence(facts.resolutionSummary)
      : (lines.change.at(-1) && itemText(lines.change.at(-1)!.text)) || "fix applied and verified";
    return within(`Resolved — ${topic}, ${minutes}: ${fix}.`, [cause]);
  }
  if (context === "escalation") {
    const reason = facts.escalationReason ? firstSentence(facts.escalationReason) : "needs specialist review";
    const tried = [...lines.done, ...lines.failed, ...lines.change]
      .sort((a, b) => a.index - b.index)
      .slice(-3)
      .map((l) => itemText(l.text));
    // What the escalated work waits on says more than what was tried, and a quick note has room for one.
    const tail = account.waitingOn
      ? waitPart(account, parts)
      : tried.length
        ? ` Tried: ${tried.join("; ")}.`
        : "";
    return within(`Escalated — ${topic}, ${minutes}: ${reason}.`, [tail]);
  }

  const fixes = lines.change.filter((l) => !UPKEEP.test(l.text));
  const latest = fixes.at(-1) ?? mostTelling([...lines.done, ...lines.under_way, ...lines.finding]);
  // No cause and nothing changed yet: what has been ruled out says more than whichever line came last.
  const narrowed = fixes.length === 0 ? ruledOut(lines.ruled_out) : "";
  const core = account.cause
    ? `cause: ${lowerFirst(firstSentence(causeText(account.cause)))}`
    : narrowed
      ? `no cause found yet (${narrowed})`
      : latest
        ? firstSentence(lineText(latest))
        : "currently gathering initial information";
  // What it waits on and what happens next, in one sentence (a quick note has two), as far as there is room.
  const next = parts.nextSteps.at(-1);
  const nextText = next ? lowerFirst(firstSentence(lineText(next))).replace(/[.!?]+$/, "") : "";
  const wait = account.waitingOn ? waitPart(account, parts) : "";
  const withNext = wait && nextText ? `${wait.slice(0, -1)}; next: ${nextText}.` : "";
  const tail = wait || (nextText ? ` Next: ${nextText}.` : "");
  const base = `${STATUS_LABEL[facts.status]} — ${topic}, ${minutes} in: ${core}.`;
  return within(base, [withNext && base.length + withNext.length <= QUICK_MAX ? withNext : tail]);
}
