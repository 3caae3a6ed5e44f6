/** Words that carry no content of their own: a sentence and its source may share them by chance. */
const FUNCTION_WORDS = new Set(
  `a an the and or but if so as at by for from in into of on onto to with without within about above after
  again all also am any are be been before being both can could did do does doing done down during each few
  further had has have having he her here hers him his how i is it its itself just me more most my no nor not
  now of off once only other our ours out over own same she should some such than that their theirs them then
  there these they this those through too under until up very was we were what when where which while who whom
  why will would you your yours yet still already us let lets get got getting make made one two there's it's every many much several
  we've we're we'll i've i'm you're thanks thank please hi hello team`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The content words of a text as short stems (lower case, first five
 * letters), so "restarted" and "restart", "settings" and "setting" meet.
 */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    if (FUNCTION_WORDS.has(word) || word.length < 3) continue;
    out.add(word.replace(/['’].*$/, "").slice(0, 5));
  }
  return out;
}

/** How many stems two sets share. */
export function sharedStems(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const stem of a) if (b.has(stem)) n += 1;
  return n;
}
