import type { SessionAccount } from "../../../account/session-account.ts";
import type { SessionFacts } from "../../../context/session-facts.ts";
import { bulletList, endSentence } from "../format.ts";
import type { NoteParts } from "./note-parts.ts";
import { bullets, capLines, itemText, paragraph, waitBullets, withoutGreeting } from "./note-text.ts";

export type Section = { title: string; body: string } | { line: string; value: string };

const MAX_FINDINGS = 30;
const MAX_ACTIONS = 16;
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

/** What was learned and tried, each under its heading. */
function work(parts: NoteParts, titles: { done: string; changes: string }): Section[] {
  const { lines } = parts;
  return [
    ...list("Findings", bullets(capLines(lines.finding, MAX_FINDINGS))),
    ...list("Ruled out", bullets(lines.ruled_out)),
    ...list(titles.done, bullets(capLines(lines.done, MAX_ACTIONS))),
    ...list("In progress", bullets(lines.under_way)),
    ...list("Tried without success", bullets(lines.failed)),
    ...list(titles.changes, bullets(capLines(lines.change, MAX_ACTIONS))),
    ...list("Rolled back", bullets(lines.reverted)),
    ...list("Communication", bullets(lines.contact)),
  ];
}

function hypotheses(parts: NoteParts): Section[] {
  return list("Open hypotheses", bullets(parts.lines.open_hypothesis));
}

function waits(parts: NoteParts): Section[] {
  return list("Pending", waitBullets(parts.openWaits, "Waiting on", parts.known));
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
  sections.push(...work(parts, { done: "Actions taken", changes: "Changes made" }));
  sections.push(...hypotheses(parts));
  if (account.cause)
    sections.push({ title: "Cause", body: endSentence(withoutGreeting(account.cause.text)) });
  sections.push(...list("Not done yet", bullets(lines.held)));
  sections.push(...waits(parts));
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
      value: account.cause ? withoutGreeting(account.cause.text) : "Not identified in the session notes",
    },
    ...problem(parts),
    ...work(parts, { done: "Investigation steps", changes: "Changes made" }),
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
    ...work(parts, { done: "Steps tried", changes: "Changes made so far" }),
  ];
  const open = lines.open_hypothesis.map((l) => endSentence(itemText(l.text))).join(" ");
  sections.push({
    title: "Current hypothesis",
    body: account.cause
      ? endSentence(withoutGreeting(account.cause.text))
      : open || "No root cause identified yet.",
  });
  sections.push(...list("Not done yet", bullets(lines.held)));
  sections.push(...waits(parts));
  sections.push(...list("Verification", bullets(lines.verification)));
  sections.push(...next(parts, "Suggested next steps"));
  return sections;
}
