import type { SessionAccount } from "../../account/session-account.ts";
import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { Length, UpdateContextKind } from "../../types.ts";
import { clockTime, minutesLabel, STATUS_LABEL } from "./format.ts";
import { readNoteLines } from "./notes/account-lines.ts";
import {
  escalationSections,
  resolutionSections,
  type Section,
  updateSections,
} from "./notes/detailed-sections.ts";
import { type NoteParts, noteParts } from "./notes/note-parts.ts";
import { standingWaitText } from "./notes/note-text.ts";
import { quickTicketNote } from "./notes/quick-note.ts";
import { waitOwner } from "./notes/wait-owner.ts";

/**
 * Ticket notes for the PSA: technical, factual, no pleasantries, written from
 * the session account (each line under the heading of what it is). Markdown
 * or plain text per the team template.
 */
export function writeTicketNotes(
  facts: SessionFacts,
  account: SessionAccount,
  length: Length,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
): string {
  const parts = noteParts(account, readNoteLines(account), facts.contactName, facts.ticketId);
  if (length === "quick") return quickTicketNote(facts, account, parts, context);
  const body =
    context === "resolution"
      ? resolutionSections(account, facts, parts)
      : context === "escalation"
        ? escalationSections(account, facts, parts)
        : updateSections(account, parts);
  return renderSections(
    [...header(facts, account, parts, context), ...sinceLastSection(facts), ...body],
    templates.ticket_notes_format,
  );
}

function header(
  facts: SessionFacts,
  account: SessionAccount,
  parts: NoteParts,
  context: UpdateContextKind,
): Section[] {
  const status =
    context === "resolution"
      ? STATUS_LABEL.resolved
      : context === "escalation"
        ? STATUS_LABEL.escalated
        : STATUS_LABEL[facts.status];
  const wait = context === "resolution" ? null : account.waitingOn;
  return [
    { line: "Status", value: status },
    { line: "Time spent", value: minutesLabel(facts.timeSpentMinutes) },
    ...(wait
      ? [
          {
            line: "Waiting on",
            value: `${waitOwner(wait, parts.known)} - ${standingWaitText(wait, account.waits)}`,
          },
        ]
      : []),
  ];
}

function sinceLastSection(facts: SessionFacts): Section[] {
  const since = facts.sinceLast;
  if (!since) return [];
  const when = clockTime(since.previous.generatedAt);
  const lines: string[] = [];
  if (since.statusChanged) {
    lines.push(
      `- Status changed: ${STATUS_LABEL[since.previous.sessionStatus]} → ${STATUS_LABEL[facts.status]}`,
    );
  }
  lines.push(...since.newFacts.slice(-8).map((f) => `- ${f.text}`));
  if (lines.length === 0) lines.push("- No new findings since the last update");
  return [{ title: `Since last update (${when})`, body: lines.join("\n") }];
}

function renderSections(sections: readonly Section[], format: "markdown" | "plain"): string {
  const bold = (s: string) => (format === "markdown" ? `**${s}**` : s);
  const out: string[] = [];
  for (const s of sections) {
    if ("line" in s) {
      out.push(format === "markdown" ? `**${s.line}: ${s.value}**` : `${s.line}: ${s.value}`);
    } else {
      out.push(`${bold(`${s.title}:`)}\n${s.body}`);
    }
  }
  return out.join("\n");
}
