/**
 * How unfamiliar a clause's wording is: the share of its words that are
 * neither the recogniser's domain words nor among the 30,000 most frequent
 * English words of the word vectors (so far from anything in the vector
 * space the model generalises through). Names, numbers and codes are left
 * out: they are unfamiliar in every message.
 */
import { DOMAIN_WORDS } from "./vocabulary.ts";
import { isCommonEnglish } from "./word-vectors.ts";

/** Share of unfamiliar words among the clause's alphabetic words, 0..1. */
export function unfamiliarShare(words: readonly string[]): number {
  let counted = 0;
  let unfamiliar = 0;
  for (const word of words) {
    if (word === "_name_" || !/^[a-z]+$/.test(word)) continue;
    counted++;
    if (!DOMAIN_WORDS.has(word) && !isCommonEnglish(word)) unfamiliar++;
  }
  return counted === 0 ? 0 : unfamiliar / counted;
}
