import type { SessionAccount } from "../../../account/session-account.ts";
import { capitalize } from "../../../context/sentences.ts";
import type { SessionFacts } from "../../../context/session-facts.ts";
import { bulletList, endSentence } from "../format.ts";
import type { NoteKind, NoteLine } from "./note-lines.ts";
import type { NoteParts } from "./note-parts.ts";
import {
  bullets,
  capLines,
  causeText,
  itemText,
  joinSentences,
  paragraph,
  waitBullets,
} from "./note-text.ts";

export type Section = { title: string; body: string } | { line: string; value: string };

const MAX_LOG = 36;
const MAX_SUGGESTED = 3;

const list = (title: string, body: string): Section[] => (body ? [{ title, body }] : []);

/** "Marlow TKT-52760 fiona: '…'": the client and ticket the note is filed on, before the report itself. */
function withoutTicketLead(text: string, ticketId: string | undefined): string {
  if (!ticketId) return text;
  const at = text.toLowerCase().indexOf(ticketId.toLowerCase());
  // Only a lead of names ("st aldhelm's - "), not a sentence or a quote before the id.
  if (at < 0 || at > 40 || /[.:"‘“]|(?:^|\s)'/.test(text.slice(0, at))) return text;
  return text.slice(at + ticketId.length).replace(/^[\s.,:;–—-]+/, "");
}

function problem(parts: NoteParts): Section[] {
  const [first, ...rest] = parts.lines.problem.slice(0, 8);
  if (!first) return [];
  const reported = withoutTicketLead(first.text, parts.ticketId);
  const lines = reported ? [{ ...first, text: reported }, ...rest] : rest;
  return list("Reported issue", paragraph(lines));
}

/** What was found and done, as one log in the order it happened; what was ruled out on its own. */
const LOG: readonly NoteKind[] = ["finding", "done", "under_way", "failed", "change", "reverted"];

// A finding and the step that found it are one story: a log in time order
// reads right where separate Findings and Actions lists split it by guesswork.
function work(parts: NoteParts, account: SessionAccount, title: string): Section[] {
  const { lines } = parts;
  // A long session keeps every change made and rolled back; the other lines are cut to what says most.
  // What the client was told or said (pasted or relayed) is communication, not a step of ours.
  const logged = LOG.flatMap((kind) => lines[kind]);
  const ours = logged.filter((l) => l.author !== "client");
  const said = [...lines.contact, ...logged.filter((l) => l.author === "client")].sort(
    (a, b) => a.index - b.index,
  );
  const kept = [...lines.change, ...lines.reverted].filter((l) => l.author !== "client");
  const rest = capLines(
    ours.filter((l) => !kept.includes(l)),
    Math.max(MAX_LOG - kept.length, 12),
  );
  const log = [...kept, ...rest].sort((a, b) => a.index - b.index);
  return [
    ...list(title, bullets(byMessage(log, account))),
    ...list("Ruled out", bullets(lines.ruled_out)),
    ...list("Communication", bullets(byMessage(said, account))),
  ];
}

/** Who a line says did it: the engineer unless the line names someone else. */
const byWhom = (line: NoteLine) =>
  line.actor === undefined || line.actor === "none" ? "engineer" : line.actor;

/**
 * One bullet per message: the lines a message holds, in its words and order.
 * Split into statements, "CREATOR OWNER:(I)(OI)(CI)(IO)(F)" or "Thats the
 * 263k" lose what they belong to.
 */
function byMessage(log: readonly NoteLine[], account: SessionAccount): NoteLine[] {
  const out: NoteLine[] = [];
  for (const line of log) {
    const last = out.at(-1);
    const message = account.statements[line.index]?.message;
    if (
      last &&
      message !== undefined &&
      account.statements[last.index]?.message === message &&
      last.author === line.author &&
      byWhom(last) === byWhom(line)
    )
      out[out.length - 1] = { ...last, text: joinSentences(last.text, line.text) };
    else out.push(line);
  }
  return out;
}

function hypotheses(parts: NoteParts): Section[] {
  return list("Open hypotheses", bullets(parts.lines.open_hypothesis));
}

/** Other open waits than the one the header names: the header says that one already. */
function waits(parts: NoteParts, account: SessionAccount): Section[] {
  const standing = account.waitingOn?.sources[0];
  const others = parts.openWaits.filter((l) => l.wait?.sources[0] !== standing);
  return list("Pending", waitBullets(others, "Waiting on", parts.known));
}

function next(parts: NoteParts, title: string): Section[] {
  if (parts.nextSteps.length > 0) return list(title, bullets(parts.nextSteps));
  return list(
    "Suggested (not yet done)",
    parts.suggested
      .slice(0, MAX_SUGGESTED)
      .map((s) => `- ${itemText(s)}`)
      .join("\n"),
  );
}

export function updateSections(account: SessionAccount, parts: NoteParts): Section[] {
  const { lines } = parts;
  const sections: Section[] = [...problem(parts)];
  const known =
    lines.finding.length +
    lines.done.length +
    lines.under_way.length +
    lines.change.length +
    lines.failed.length;
  if (known === 0 && !account.cause)
    sections.push({ title: "Progress", body: "Currently investigating — gathering initial information." });
  sections.push(...work(parts, account, "Steps completed"));
  sections.push(...hypotheses(parts));
  if (account.cause)
    sections.push({ title: "Cause", body: endSentence(capitalize(causeText(account.cause))) });
  sections.push(...list("Not done yet", bullets(lines.held)));
  sections.push(...waits(parts, account));
  sections.push(...list("Verification", bullets(lines.verification)));
  sections.push(...next(parts, "Next steps"));
  return sections;
}

export function resolutionSections(
  account: SessionAccount,
  facts: SessionFacts,
  parts: NoteParts,
): Section[] {
  const { lines } = parts;
  const sections: Section[] = [
    {
      line: "Root cause",
      // Without a cause read, the notes do not claim none was found: the steps below may show it.
      value: account.cause
        ? capitalize(causeText(account.cause))
        : "Not stated as such in the session; see the steps below",
    },
    ...problem(parts),
    ...work(parts, account, "Investigation steps"),
  ];
  const resolution = facts.resolutionSummary
    ? endSentence(facts.resolutionSummary)
    : [...lines.change, ...lines.verification].map((l) => endSentence(itemText(l.text))).join(" ") ||
      "Resolution details not yet recorded.";
  sections.push({ title: "Resolution", body: resolution });
  if (facts.resolutionSummary) sections.push(...list("Verification", bullets(lines.verification)));
  sections.push(...list("Follow-up", bullets(parts.nextSteps)));
  sections.push(...list("Recommendations", bulletList(facts.recommendations)));
  return sections;
}

export function escalationSections(
  account: SessionAccount,
  facts: SessionFacts,
  parts: NoteParts,
): Section[] {
  const { lines } = parts;
  const sections: Section[] = [
    {
      title: "Reason for escalation",
      body: facts.escalationReason ? endSentence(facts.escalationReason) : "Needs specialist review.",
    },
    ...problem(parts),
    ...work(parts, account, "Steps tried"),
  ];
  const open = lines.open_hypothesis.map((l) => endSentence(itemText(l.text))).join(" ");
  sections.push({
    title: "Current hypothesis",
    body: account.cause
      ? endSentence(capitalize(causeText(account.cause)))
      : open || "No root cause identified yet.",
  });
  sections.push(...list("Not done yet", bullets(lines.held)));
  sections.push(...waits(parts, account));
  sections.push(...list("Verification", bullets(lines.verification)));
  sections.push(...next(parts, "Suggested next steps"));
  return sections;
}
