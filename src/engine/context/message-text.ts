import { looksLikeInstruction } from "../guardrails/index.ts";
import { expandAbbreviations } from "./abbreviations.ts";
import { tidySecretMarkers } from "./secret-markers.ts";
import { splitSentences } from "./sentences.ts";
import { memoByText } from "./text-memo.ts";

/** Abbreviations spelled out and secret markers tidied, as the facts quote a message. */
export const cleanForReading = (text: string) => expandAbbreviations(tidySecretMarkers(text));

/** One message's text, checked and split once for both the facts and the account. */
export interface MessageText {
  /** Text addressed to a model ("ignore previous instructions"): not read as work. */
  instruction: boolean;
  cleaned: string;
  /** The sentences of the cleaned text, which the facts read. */
  sentences: readonly string[];
  /** The sentences as written, which the account reads (the cleaned ones when cleaning changed nothing). */
  writtenSentences: readonly string[];
}

/** Messages already checked and split, by text. */
export const readMessageText = memoByText((raw): MessageText => {
  if (looksLikeInstruction(raw))
    return { instruction: true, cleaned: "", sentences: [], writtenSentences: [] };
  const cleaned = cleanForReading(raw);
  const sentences = splitSentences(cleaned);
  return {
    instruction: false,
    cleaned,
    sentences,
    writtenSentences: cleaned === raw ? sentences : splitSentences(raw),
  };
}, 20_000);
