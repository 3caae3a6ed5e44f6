import { AUDIENCE_TRAITS } from "../../../domain/index.ts";
import { capitalize } from "../../context/sentences.ts";
import type { SessionFacts } from "../../context/session-facts.ts";
import { makeClientSafe } from "../../guardrails/index.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { Length, UpdateContextKind } from "../../types.ts";
import { isClientSafe } from "./client-phrasing.ts";
import { clientBodyParagraphs, clientQuickSentence } from "./client-text.ts";
import { signoff } from "./signoff.ts";
import { TONES } from "./tone.ts";

const SUBJECT_PREFIX: Record<UpdateContextKind, string> = {
  update: "Update",
  resolution: "Resolved",
  escalation: "Escalated to a specialist",
};

/** "Update: Email delivery issue — TKT-2847"; numeric PSA ids read "Ticket #51234". */
export function emailSubject(facts: SessionFacts, context: UpdateContextKind): string {
  const safeSummary = facts.summary
    ? makeClientSafe(facts.summary)
        .replace(/[.!]+$/, "")
        .trim()
    : "";
  const summary = safeSummary && isClientSafe(safeSummary) ? capitalize(safeSummary) : "Your support request";
  const ticket = facts.ticketId
    ? ` — ${/^\d+$/.test(facts.ticketId) ? `Ticket #${facts.ticketId}` : facts.ticketId}`
    : "";
  return `Subject: ${SUBJECT_PREFIX[context]}: ${summary}${ticket}`;
}

/** A complete email: subject, greeting, body, sign-off with the engineer's name (and company per template). */
export function writeEmailDraft(
  facts: SessionFacts,
  length: Length,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
): string {
  const tone = TONES[templates.client_tone];
  const body =
    length === "quick"
      ? [clientQuickSentence(facts, context, templates, facts.clientName, false)]
      : clientBodyParagraphs(facts, context, templates);
  return [
    emailSubject(facts, context),
    tone.greeting(facts.clientName),
    ...body,
    signoff(facts, templates, AUDIENCE_TRAITS.email_draft.letter.signedWith),
  ].join("\n\n");
}
