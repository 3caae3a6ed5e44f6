import { lowerFirst } from "../../context/sentences.ts";
import type { Fact, SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { Length, UpdateContextKind } from "../../types.ts";
import { bulletList, clockTime, endSentence, firstSentence, minutesLabel, STATUS_LABEL } from "./format.ts";

type Section = { title: string; body: string } | { line: string; value: string };

/**
 * Ticket notes for the PSA: technical, factual, no pleasantries. Markdown or
 * plain text per the team template; shaped like the spec's examples.
 */
export function writeTicketNotes(
  facts: SessionFacts,
  length: Length,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
): string {
  if (length === "quick") return quickTicketNote(facts, context);
  const sections =
    context === "resolution"
      ? resolutionSections(facts)
      : context === "escalation"
        ? escalationSections(facts)
        : updateSections(facts);
  return renderSections(sections, templates.ticket_notes_format);
}

function statusLine(facts: SessionFacts, context: UpdateContextKind): string {
  if (context === "resolution") return STATUS_LABEL.resolved;
  if (context === "escalation") return STATUS_LABEL.escalated;
  return STATUS_LABEL[facts.status];
}

function header(facts: SessionFacts, context: UpdateContextKind): Section[] {
  return [
    { line: "Status", value: statusLine(facts, context) },
    { line: "Time spent", value: minutesLabel(facts.timeSpentMinutes) },
  ];
}

function problemSection(facts: SessionFacts): Section[] {
  if (facts.problem.length === 0) return [];
  return [{ title: "Reported issue", body: facts.problem.map((f) => endSentence(f.text)).join(" ") }];
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

function nextStepsSection(facts: SessionFacts, title = "Next steps"): Section[] {
  if (facts.nextSteps.length > 0) return [{ title, body: bulletList(facts.nextSteps) }];
  if (facts.suggestedChecks.length > 0)
    return [{ title: `${title} (suggested)`, body: bulletList(facts.suggestedChecks) }];
  return [];
}

function updateSections(facts: SessionFacts): Section[] {
  const sections: Section[] = [
    ...header(facts, "update"),
    ...sinceLastSection(facts),
    ...problemSection(facts),
  ];
  if (facts.steps.length === 0 && !facts.diagnosis && facts.fixWork.length === 0) {
    sections.push({ title: "Progress", body: "Currently investigating — gathering initial information." });
  }
  if (facts.steps.length > 0) sections.push({ title: "Steps completed", body: bulletList(facts.steps) });
  if (facts.ruledOut.length > 0) sections.push({ title: "Ruled out", body: bulletList(facts.ruledOut) });
  if (facts.diagnosis) sections.push({ title: "Current diagnosis", body: endSentence(facts.diagnosis.text) });
  if (facts.fixWork.length > 0) sections.push({ title: "Fix in progress", body: bulletList(facts.fixWork) });
  if (facts.verified.length > 0) sections.push({ title: "Verification", body: bulletList(facts.verified) });
  sections.push(...nextStepsSection(facts));
  return sections;
}

function resolutionSections(facts: SessionFacts): Section[] {
  const resolution = facts.resolutionSummary
    ? endSentence(facts.resolutionSummary)
    : [...facts.fixWork, ...facts.verified].map((f) => endSentence(f.text)).join(" ") ||
      "Resolution details not yet recorded.";
  const sections: Section[] = [...header(facts, "resolution")];
  sections.push({
    line: "Root cause",
    value: facts.diagnosis ? firstSentence(facts.diagnosis.text) : "Not identified in the session notes",
  });
  sections.push(...problemSection(facts));
  if (facts.steps.length > 0) sections.push({ title: "Investigation steps", body: bulletList(facts.steps) });
  if (facts.ruledOut.length > 0) sections.push({ title: "Ruled out", body: bulletList(facts.ruledOut) });
  if (facts.diagnosis && splitCount(facts.diagnosis) > 1) {
    sections.push({ title: "Diagnosis", body: endSentence(facts.diagnosis.text) });
  }
  sections.push({ title: "Resolution", body: resolution });
  if (facts.resolutionSummary && facts.verified.length > 0) {
    sections.push({ title: "Verification", body: bulletList(facts.verified) });
  }
  if (facts.recommendations.length > 0) {
    sections.push({ title: "Recommendations", body: bulletList(facts.recommendations) });
  }
  return sections;
}

function escalationSections(facts: SessionFacts): Section[] {
  const sections: Section[] = [...header(facts, "escalation")];
  sections.push({
    title: "Reason for escalation",
    body: facts.escalationReason ? endSentence(facts.escalationReason) : "Needs specialist review.",
  });
  sections.push(...problemSection(facts));
  if (facts.steps.length > 0) sections.push({ title: "Steps tried", body: bulletList(facts.steps) });
  if (facts.ruledOut.length > 0) sections.push({ title: "Ruled out", body: bulletList(facts.ruledOut) });
  sections.push({
    title: "Current hypothesis",
    body: facts.diagnosis ? endSentence(facts.diagnosis.text) : "No root cause identified yet.",
  });
  if (facts.fixWork.length > 0)
    sections.push({ title: "Changes made so far", body: bulletList(facts.fixWork) });
  sections.push(...nextStepsSection(facts, "Suggested next steps"));
  return sections;
}

function splitCount(fact: Fact): number {
  return fact.text.split(/(?<=[.!?])\s+/).length;
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

/** One or two sentences: stage, time, the key fact, and what is next. */
function quickTicketNote(facts: SessionFacts, context: UpdateContextKind): string {
  const topic = facts.summary ? facts.summary.replace(/[.!]+$/, "") : "Issue";
  const minutes = `${facts.timeSpentMinutes} min`;
  const next = facts.nextSteps[0] ?? facts.suggestedChecks[0];
  // lowerFirst, not toLowerCase: UNC paths, cmdlets and names keep their case.
  const nextPart = next ? ` Next: ${lowerFirst(firstSentence(next.text))}.` : "";

  if (context === "resolution") {
    const fix = facts.resolutionSummary ?? facts.fixWork.at(-1)?.text ?? "fix applied and verified";
    const cause = facts.diagnosis ? ` Root cause: ${firstSentence(facts.diagnosis.text)}.` : "";
    return `Resolved — ${topic}, ${minutes}: ${firstSentence(fix)}.${cause}`;
  }
  if (context === "escalation") {
    const reason = facts.escalationReason ? firstSentence(facts.escalationReason) : "needs specialist review";
    const tried = facts.steps.slice(-3).map((f) => firstSentence(f.text));
    const triedPart = tried.length > 0 ? ` Tried: ${tried.join("; ")}.` : "";
    return `Escalated — ${topic}, ${minutes}: ${reason}.${triedPart}`;
  }
  switch (facts.status) {
    case "identified": {
      // The stage comes from the session account, which can see a cause the rules' diagnosis missed.
      const known = facts.diagnosis ?? facts.steps.at(-1);
      return `Identified — ${topic}, ${minutes} in: ${firstSentence(known?.text ?? "cause found")}.${nextPart}`;
    }
    case "implementing": {
      const work = facts.fixWork.at(-1) ?? facts.diagnosis;
      const cause = facts.diagnosis ? ` (cause: ${firstSentence(facts.diagnosis.text)})` : "";
      return `Implementing fix — ${topic}, ${minutes} in${cause}: ${firstSentence(work?.text ?? "fix under way")}.${nextPart}`;
    }
    default: {
      const latest = facts.steps.at(-1);
      if (!latest)
        return `Investigating — ${topic}, ${minutes} in: currently gathering initial information.${nextPart}`;
      const ruled = facts.ruledOut.map((f) => lowerFirst(firstSentence(f.text)));
      const ruledPart = ruled.length > 0 ? `; ruled out ${ruled.slice(-3).join(", ")}` : "";
      return `Investigating — ${topic}, ${minutes} in: ${firstSentence(latest.text)}${ruledPart}.${nextPart}`;
    }
  }
}
