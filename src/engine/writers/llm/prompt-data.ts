import { redactSecretsSync } from "../../../secrets/index.ts";
import type { Fact, SessionFacts } from "../../context/session-facts.ts";
import { looksLikeInstruction } from "../../guardrails/index.ts";
import type { SessionMessage } from "../../types.ts";
import { clockTime, minutesLabel, STATUS_LABEL } from "../offline/format.ts";

/** The fact lists of the session data, in the order they are shown. */
export const SECTION_KEYS = [
  "problem",
  "steps",
  "ruledOut",
  "fixWork",
  "verified",
  "next",
  "waiting",
  "workarounds",
  "recommendations",
  "newSinceLast",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const SECTION_TITLES: Record<SectionKey, string> = {
  problem: "Reported issue (first symptoms)",
  steps: "Steps completed (with results)",
  ruledOut: "Ruled out",
  fixWork: "Fix work",
  verified: "Verification",
  next: "Next steps",
  waiting: "Waiting on (client, vendor or a change taking effect)",
  workarounds: "Workarounds in place meanwhile",
  recommendations: "Recommendations",
  newSinceLast: "New since the previous update",
};

/**
 * The session as the model sees it, before rendering: short header lines,
 * trimmable fact lists, and the parts that are never trimmed (diagnosis,
 * resolution summary, escalation reason), each already clipped to a bound.
 */
export interface FactsData {
  header: string[];
  sections: Record<SectionKey, string[]>;
  diagnosis: string | null;
  resolution: string | null;
  escalation: string | null;
  previous: { heading: string; content: string } | null;
}

/** Per-item limits: they bound the never-trimmed parts so any session fits the budget. */
export const LIMITS = {
  fact: 300,
  headerField: 160,
  diagnosis: 700,
  resolution: 1_500,
  escalation: 1_000,
  previousUpdate: 1_200,
  message: 600,
} as const;

/** Clips to `max` characters with an ellipsis. */
export const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

const DELIMITER = /<\s*\/?\s*session_data\s*>/gi;

/**
 * Makes one piece of session text safe to place between the delimiters:
 * secrets were replaced by markers at intake and are checked once more here,
 * delimiter tags are neutralised so data cannot close the block, whitespace folded.
 */
export function dataText(text: string): string {
  return redactSecretsSync(text)
    .text.replace(DELIMITER, "[tag removed]")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** The facts, cleaned and clipped, ready to be trimmed to the budget and rendered. */
export function factsData(f: SessionFacts): FactsData {
  const clean = (text: string, max: number) => clip(dataText(text), max);
  const items = (facts: readonly Fact[]) => facts.map((x) => clean(x.text, LIMITS.fact));
  const header: string[] = [];
  const ticket = [f.ticketId, f.summary].filter(Boolean).join(" — ");
  if (ticket) header.push(`Ticket: ${clean(ticket, LIMITS.headerField)}`);
  if (f.clientName) {
    const contact = f.contactName ? ` (contact: ${f.contactName})` : "";
    header.push(`Client: ${clean(`${f.clientName}${contact}`, LIMITS.headerField)}`);
  }
  if (f.engineerName) {
    header.push(
      `Engineer: ${clean([f.engineerName, f.mspCompany].filter(Boolean).join(", "), LIMITS.headerField)}`,
    );
  }
  header.push(
    `Inferred status: ${STATUS_LABEL[f.status]} · time spent: ${minutesLabel(f.timeSpentMinutes)} · messages in session: ${f.messageCount}`,
  );
  return {
    header,
    sections: {
      problem: items(f.problem),
      steps: items(f.steps),
      ruledOut: items(f.ruledOut),
      fixWork: items(f.fixWork),
      verified: items(f.verified),
      next: items(f.nextSteps.length > 0 ? f.nextSteps : f.suggestedChecks),
      waiting: f.waiting.map((w) => clean(`${w.on}: ${w.text}`, LIMITS.fact)),
      workarounds: items(f.workarounds),
      recommendations: items(f.recommendations),
      newSinceLast: items(f.sinceLast?.newFacts.slice(-10) ?? []),
    },
    diagnosis: f.diagnosis ? clean(f.diagnosis.text, LIMITS.diagnosis) : null,
    resolution: f.resolutionSummary ? clean(f.resolutionSummary, LIMITS.resolution) : null,
    escalation: f.escalationReason ? clean(f.escalationReason, LIMITS.escalation) : null,
    previous: f.sinceLast
      ? {
          heading: `Previous update (${f.sinceLast.previous.audience.replace("_", " ")}, ${clockTime(f.sinceLast.previous.generatedAt)})`,
          content: clean(f.sinceLast.previous.content, LIMITS.previousUpdate),
        }
      : null,
  };
}

/** One list item as rendered. */
export const itemLine = (item: string): string => `- ${item}`;

/** The facts part of the session data. */
export function renderFacts(d: FactsData): string {
  const lines = [...d.header];
  const section = (key: SectionKey) => {
    const list = d.sections[key];
    if (list.length > 0) lines.push(`${SECTION_TITLES[key]}:\n${list.map(itemLine).join("\n")}`);
  };
  for (const key of ["problem", "steps", "ruledOut"] as const) section(key);
  if (d.diagnosis) lines.push(`Current diagnosis: ${d.diagnosis}`);
  for (const key of ["fixWork", "verified", "next", "waiting", "workarounds", "recommendations"] as const) {
    section(key);
  }
  if (d.resolution)
    lines.push(`Resolution summary from the engineer (authoritative — what fixed it): ${d.resolution}`);
  if (d.escalation) lines.push(`Escalation reason from the engineer: ${d.escalation}`);
  if (d.previous) lines.push(`${d.previous.heading}:\n${d.previous.content}`);
  section("newSinceLast");
  return lines.join("\n");
}

/**
 * One session message as quoted in the prompt: its id (the one the account
 * cites), time (with the date when the session spans days), author, redacted
 * text; injections are left out.
 */
export function messageLine(m: SessionMessage, id: string, withDate = false): string {
  const body = looksLikeInstruction(m.text)
    ? "[message omitted: it contained instructions addressed to an AI]"
    : clip(dataText(m.text), LIMITS.message);
  const at = m.at.toISOString();
  return `${id} [${withDate ? `${at.slice(5, 10)} ` : ""}${at.slice(11, 16)} ${m.author}] ${body}`;
}
