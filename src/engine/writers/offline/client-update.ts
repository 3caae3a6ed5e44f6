import { AUDIENCE_TRAITS } from "../../../domain/index.ts";
import type { SessionFacts } from "../../context/session-facts.ts";
import type { CommunicationTemplates } from "../../templates.ts";
import type { Length, UpdateContextKind } from "../../types.ts";
import { clientBodyParagraphs, clientQuickSentence } from "./client-text.ts";
import { signoff } from "./signoff.ts";
import { TONES } from "./tone.ts";

/**
 * Client update: plain text for a portal message or chat, addressed to the
 * client by name. Quick is one or two sentences; detailed is a few short
 * paragraphs with a sign-off.
 */
export function writeClientUpdate(
  facts: SessionFacts,
  length: Length,
  context: UpdateContextKind,
  templates: CommunicationTemplates,
): string {
  if (length === "quick") return clientQuickSentence(facts, context, templates, facts.clientName, true);
  const tone = TONES[templates.client_tone];
  return [
    tone.greeting(facts.clientName),
    ...clientBodyParagraphs(facts, context, templates),
    signoff(facts, templates, AUDIENCE_TRAITS.client_update.letter.signedWith),
  ].join("\n\n");
}
