/** "Ruled out X" / "so not X" / "X is fine": the thing ruled out, as written. */
const PATTERNS = [
  /\bruled? out\s*[:\-—]?\s*(?:any |the )?(.+)$/i,
  /\b(?:rule out|ruling out|eliminated|can cross off|crossed off)\s+(?:any |the )?(.+)$/i,
  /\bso (?:it'?s |its |it is )?not (?:a |an |the )?(.+)$/i,
  /^(?:so )?(?:the )?(.+?) (?:is|are|was|were) not (?:the|an?) (?:issue|cause|problem|culprit|reason)\b/i,
  /^(?:so )?(?:the )?(.+?) (?:isn'?t|aren'?t|wasn'?t) (?:the|an?) (?:issue|cause|problem|culprit|reason)\b/i,
  /^(?:so )?(?:the )?(.+?) (?:isn'?t|is not|wasn'?t|was not) it\b/i,
  /^no (?:issues?|problems?|errors?) (?:with|on) (.+)$/i,
  /^(.+?) (?:looks?|is|are|was|were|seems?|came back) (?:fine|good|ok|okay|normal|healthy|clean|correct|as expected)\b/i,
  /^(.+?) (?:is |are )?(?:unrelated|not related)\b/i,
];

export function ruledOutObject(text: string): string {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (m?.[1]) return m[1].replace(/\s*(?:either|too|as well|for now)?[.!]*$/i, "").trim();
  }
  return text.replace(/[.!]+$/, "");
}
