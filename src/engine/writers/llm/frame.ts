import { letterFor, updateFormat } from "../../../domain/index.ts";
import { emailSubject } from "../offline/email-draft.ts";
import { signoff } from "../offline/signoff.ts";
import { TONES } from "../offline/tone.ts";
import type { WriterInput } from "../types.ts";
import type { ClientFrame } from "./prompt-guidance.ts";

/**
 * The exact subject, greeting and sign-off the offline writer uses, for the
 * audiences that have them; the model writes only what goes between. A quick
 * client update has no frame: the model addresses the client by name itself.
 */
export function frameFor(input: WriterInput): ClientFrame {
  const { facts, templates } = input;
  const clientName = facts.clientName;
  const letter = letterFor(input.audience, input.length);
  if (!letter) return { subject: null, greeting: null, signoff: null, clientName };
  return {
    subject: letter.subject ? emailSubject(facts, input.context) : null,
    greeting: TONES[templates.client_tone].greeting(clientName),
    signoff: signoff(facts, templates, letter.signedWith),
    clientName,
  };
}

/** Puts the framed parts around the model's body, as the offline writer lays them out. */
export function composeWithFrame(body: string, frame: ClientFrame): string {
  return [frame.subject, frame.greeting, body, frame.signoff].filter((part) => part !== null).join("\n\n");
}

const GREETING_LINE =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?\n]{0,60}[,!:]?\s*$/i;
const SIGNOFF_LINE =
  /^(?:(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|thanks(?: again)?|thank you|sincerely|yours (?:sincerely|faithfully|truly)|cheers|respectfully|all the best)\s*[,.!]?$/i;

/**
 * Tidies a model answer before it is checked: code fences removed; for
 * client audiences markdown emphasis and headings removed and, where the
 * frame supplies them, any subject, greeting or sign-off the model wrote
 * anyway; for plain ticket notes markdown emphasis removed.
 */
export function normalizeAnswer(answer: string, input: WriterInput, frame: ClientFrame): string {
  let text = answer
    .trim()
    .replace(/^```[a-z]*\n([\s\S]*?)\n```$/i, "$1")
    .trim();
  const plain = updateFormat(input.audience, input.templates.ticket_notes_format) === "plain";
  if (plain) {
    text = text
      .replace(/\*\*([^*\n]+)\*\*/g, "$1")
      .replace(/__([^_\n]+)__/g, "$1")
      .replace(/^#{1,6}\s+/gm, "");
  }
  if (frame.greeting) text = stripFrame(text, frame);
  return text.trim();
}

function stripFrame(text: string, frame: ClientFrame): string {
  const lines = text.split("\n");
  while (lines.length > 0 && (/^subject:/i.test(lines[0]!.trim()) || lines[0]!.trim() === "")) lines.shift();
  if (lines.length > 0 && (lines[0]!.trim() === frame.greeting || GREETING_LINE.test(lines[0]!.trim()))) {
    lines.shift();
  }
  const signoffStart = frame.signoff?.split("\n")[0]?.trim();
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
    const line = lines[i]!.trim();
    if (SIGNOFF_LINE.test(line) || (signoffStart && line === signoffStart)) {
      lines.length = i;
      break;
    }
  }
  return lines.join("\n");
}
