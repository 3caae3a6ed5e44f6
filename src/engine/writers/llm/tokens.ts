import { getEncoding, type Tiktoken } from "js-tiktoken";

let encoder: Tiktoken | null = null;

/** Token count with a real tokenizer (o200k_base, the GPT-4o family's), loaded once on first use. */
export function countTokens(text: string): number {
  encoder ??= getEncoding("o200k_base");
  return encoder.encode(text).length;
}
