/**
 * Typo tolerance for the request's own words: "stauts update", "udpate for the
 * clinet", "statusupdate". Only a token that is neither a domain word nor a
 * real English word is touched, and only towards a vocabulary word one edit
 * away, so "shoot", "through", "interval", "resolver" and "craft" are never
 * rewritten into "short", "thorough", "internal", "resolved" and "draft".
 */
import { editDistance } from "./edit-distance.ts";
import { ENGLISH_NEAR_MISSES } from "./english-near-misses.generated.ts";
import { DOMAIN_WORDS, TYPO_TARGETS } from "./vocabulary.ts";

function isKnown(word: string): boolean {
  return DOMAIN_WORDS.has(word) || ENGLISH_NEAR_MISSES.has(word);
}

function closestTarget(word: string): string | undefined {
  let best: string | undefined;
  for (const target of TYPO_TARGETS) {
    if (target[0] !== word[0] && target[1] !== word[1]) continue;
    if (editDistance(word, target, 1) > 1) continue;
    // Two targets one edit away ("notse": notes / note) is no evidence for either.
    if (best) return undefined;
    best = target;
  }
  return best;
}

function exactOrClose(part: string): string | undefined {
  if (DOMAIN_WORDS.has(part) && part.length >= 4) return part;
  return part.length >= 6 && !isKnown(part) ? closestTarget(part) : undefined;
}

/**
 * The corrected word(s) for one normalised word: itself when it is fine, a
 * vocabulary word when it is a near miss, two when two were run together
 * ("statusupdate" -> ["status", "update"]).
 */
export function correctTypo(word: string): string[] {
  if (word.length < 4 || isKnown(word) || !/^[a-z]+$/.test(word)) return [word];
  const fixed = closestTarget(word);
  if (fixed) return [fixed];
  if (word.length >= 9) {
    for (let cut = 4; cut <= word.length - 4; cut++) {
      const left = exactOrClose(word.slice(0, cut));
      const right = left && exactOrClose(word.slice(cut));
      if (left && right) return [left, right];
    }
  }
  return [word];
}
