import type { SentenceSources, WriterInput } from "../types.ts";
import { normalizeAnswer } from "./frame.ts";
import { parseAnswer } from "./parse-answer.ts";
import type { ClientFrame } from "./prompt-guidance.ts";

/** A model answer ready to check: the body the reader sees and its sentences with their cited ids. */
export interface ReadAnswer {
  body: string;
  /** Every sentence the model wrote, for the checks. */
  sentences: SentenceSources[];
  /** The sentences as they stand in the body, for the reader. */
  sources: SentenceSources[];
}

const withoutEmphasis = (text: string) =>
  text.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/__([^_\n]+)__/g, "$1");

/**
 * Parses an answer (JSON or marked text), tidies the body as the audience
 * needs (normalizeAnswer) and keeps the sentences that are still in it, as
 * the body has them (a greeting or sign-off the frame replaces is dropped).
 */
export function readAnswer(raw: string, input: WriterInput, frame: ClientFrame): ReadAnswer {
  const parsed = parseAnswer(raw);
  const body = normalizeAnswer(parsed.text, input, frame);
  const sources: SentenceSources[] = [];
  for (const s of parsed.sentences) {
    const sentence = body.includes(s.sentence) ? s.sentence : withoutEmphasis(s.sentence);
    if (body.includes(sentence)) sources.push({ sentence, ids: s.ids });
  }
  return { body, sentences: parsed.sentences, sources };
}
