/**
 * A cause as a clause a reader can take: the statement without its lead
 * ("Root cause:", "so", "found it -", "ok so its") and its trailing chat.
 */
const LEAD =
  /^(?:(?:so|ok(?:ay)?|yep|yeah|yes|no|nope|right|and|well|ah+|aha|bingo|found it|got it|there it is|that'?s it|confirmed)[\s,!.:;—–-]+)+/i;
/** "Checked the FortiGate: the cert expired" — where the engineer looked, then what was found. */
const WHERE_LOOKED = /^(?:checked|looked at|looking at|went through|pulled|ran)\b[^:]{0,50}:\s*(?=\S)/i;
const LABEL = /^(?:root\s+cause|cause|culprit|diagnosis|rca)\s*(?:is|was|=|:|-|—)\s*/i;

export function causeClause(text: string): string | null {
  let t = text.trim();
  for (let k = 0; k < 3; k++) t = t.replace(LEAD, "").replace(LABEL, "").replace(WHERE_LOOKED, "").trim();
  t = t.replace(/[\s.!,;:]+$/, "").replace(/\s*(?:lol|lmao|smh|ugh|:\)|:\()$/i, "");
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : null;
}

/** Too short to say what caused anything ("Bingo", "That's it", "Found it"). */
export function isFragment(clause: string): boolean {
  const words = clause.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return true;
  // "Thats wrong regardless", "This is odd": a verdict on something said before, naming nothing.
  if (words.length <= 4 && /^(?:that|this|it|thats|its)(?:'?s| is| was)?\s/i.test(clause)) return true;
  return /^(?:that|this|it)(?:'?s| is| was)?\s+(?:it|the (?:one|issue|problem|culprit|cause))\b/i.test(
    clause,
  );
}

/** Names no cause of its own, only the statement before it ("That's why the service can't start", "This explains it"). */
export function pointsBack(clause: string): boolean {
  return /^(?:that|this|which|it|thats)(?:'?s| is| was| would| explains| explained| must be)?\b.{0,16}\b(?:why|reason|explains?|cause|culprit|it|one|problem|issue|source|origin)\b/i.test(
    clause,
  );
}
