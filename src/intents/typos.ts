/**
 * Typo tolerance for the few words the rules depend on: "stauts update",
 * "udpate for the clinet", "statusupdate". Only words outside a known list are
 * touched, and only to a keyword one edit away (a swap of two neighbouring
 * letters counts as one edit), so "updated" or "states" stay what they are.
 */

const KEYWORDS = [
  "status",
  "update",
  "updates",
  "ticket",
  "client",
  "customer",
  "summary",
  "summarize",
  "summarise",
  "progress",
  "email",
  "detailed",
  "quick",
  "brief",
  "escalate",
  "escalating",
  "escalation",
  "resolution",
  "resolved",
  "handoff",
  "notes",
  "specialist",
  "thorough",
  "comprehensive",
  "breakdown",
  "internal",
  "recap",
  "please",
  "draft",
  "short",
] as const;

/** Real words one edit away from a keyword, which must never be "corrected". */
const NEAR_MISSES = [
  "stats",
  "state",
  "states",
  "statue",
  "statues",
  "static",
  "stratus",
  "grief",
  "votes",
  "totes",
  "nodes",
  "notes",
  "noted",
  "quirk",
  "quack",
  "picket",
  "wicket",
  "ticked",
  "tickle",
  "tickler",
  "drafty",
  "crafts",
  "shirt",
  "snort",
  "sport",
  "short",
  "shorts",
  "shot",
  "customs",
  "progresses",
  "emailed",
  "mailed",
  "escalator",
  "specialists",
  "internals",
  "internally",
  "recaps",
  "pleased",
  "pleases",
  "pleas",
  "updater",
  "updaters",
  "upstate",
  "breakdowns",
];

function inflections(word: string): string[] {
  const stem = word.endsWith("e") ? word.slice(0, -1) : word;
  const forms = [
    word,
    `${word}s`,
    `${word}es`,
    `${word}d`,
    `${word}ed`,
    `${stem}ed`,
    `${stem}ing`,
    `${word}ly`,
  ];
  forms.push(`${word}er`, `${word}ers`, `${stem}er`, `${stem}ers`, `${word}'s`);
  if (word.endsWith("y")) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return forms;
}

const KNOWN = new Set<string>([...KEYWORDS.flatMap(inflections), ...NEAR_MISSES.flatMap(inflections)]);

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

function closestKeyword(word: string): string | undefined {
  if (word.length < 5 || KNOWN.has(word)) return undefined;
  for (const keyword of KEYWORDS) {
    if (keyword[0] !== word[0] && keyword[1] !== word[1]) continue;
    if (editDistance(word, keyword, 1) <= 1) return keyword;
  }
  return undefined;
}

function exactOrClose(part: string): string | undefined {
  if ((KEYWORDS as readonly string[]).includes(part)) return part;
  return part.length >= 6 ? closestKeyword(part) : undefined;
}

/**
 * Returns the corrected word(s) for one normalised word: itself when it is
 * fine, a keyword when it is a near miss, two keywords when two were run
 * together ("statusupdate" -> ["status", "update"]).
 */
export function correctTypo(word: string): string[] {
  if (word.length < 5 || KNOWN.has(word) || !/^[a-z]+$/.test(word)) return [word];
  const fixed = closestKeyword(word);
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
