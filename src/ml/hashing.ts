/** Feature strings are hashed into this many weights (2^18): collisions are rare at our vocabulary size. */
export const FEATURE_SPACE = 1 << 18;

/** FNV-1a over UTF-16 code units, folded into the feature space. */
export function featureIndex(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_SPACE - 1);
}

/** The distinct indices of a message's features. */
export function indicesOf(features: readonly string[]): number[] {
  return [...new Set(features.map(featureIndex))];
}
