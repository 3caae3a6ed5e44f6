/** Words that say what a step is about, not how it is phrased. */
const FILLER = new Set(
  "check checked checking that this with from then before after first your they them their have will should could would into also again next make sure whether which what when there here only just still some other more than about over does each every need needs want going look looks looking confirm".split(
    " ",
  ),
);

export function topicWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}._$-]+/u)) {
    const word = raw.replace(/^[._-]+|[._-]+$/g, "");
    if ((word.length >= 4 || /\d/.test(word)) && !FILLER.has(word)) out.add(word);
  }
  return out;
}

/**
 * A later statement does what a suggestion or plan named when it shares at
 * least two of its topic words and most of the shorter one's: "restart the
 * SQLWriter service" and "Restart-Service SQLWriter done".
 */
export function sameWork(step: string, later: string): boolean {
  const a = topicWords(step);
  const b = topicWords(later);
  let shared = 0;
  for (const w of a) if (b.has(w) || [...b].some((v) => v.includes(w) || w.includes(v))) shared += 1;
  return shared >= 2 && shared >= Math.min(a.size, b.size) * 0.4;
}
