import { clip, type FactsData, itemLine, renderFacts, type SectionKey } from "./prompt-data.ts";
import { countTokens } from "./tokens.ts";

/**
 * One trimming step: shorten a list to `keep` items. "least-informative"
 * keeps the first `protectFirst` items (the earliest findings) and then the
 * items that report a result; "oldest"/"newest" drop from that end.
 */
type ListTrim =
  | { key: SectionKey; keep: number; drop: "oldest" }
  | { key: SectionKey; keep: number; drop: "newest" }
  | { key: SectionKey; keep: number; drop: "least-informative"; protectFirst: number };
type TrimStep = ListTrim | { clipItems: number } | { clipPrevious: number };

/**
 * Steps go first (keeping the first few and the most informative), then the
 * lists that matter least, then ruled-out (keeping the earliest), then the
 * rest. The diagnosis, resolution summary and escalation reason are never
 * trimmed: they are bounded by their clip limits instead.
 */
const TRIM_PLAN: readonly TrimStep[] = [
  { key: "steps", keep: 12, drop: "least-informative", protectFirst: 3 },
  { key: "recommendations", keep: 3, drop: "newest" },
  { key: "next", keep: 4, drop: "newest" },
  { key: "fixWork", keep: 3, drop: "oldest" },
  { key: "verified", keep: 2, drop: "oldest" },
  { key: "newSinceLast", keep: 4, drop: "oldest" },
  { key: "steps", keep: 6, drop: "least-informative", protectFirst: 3 },
  { key: "ruledOut", keep: 5, drop: "newest" },
  { clipPrevious: 400 },
  { clipItems: 160 },
  { key: "steps", keep: 3, drop: "least-informative", protectFirst: 3 },
  { key: "problem", keep: 2, drop: "newest" },
  { key: "ruledOut", keep: 3, drop: "newest" },
  { key: "recommendations", keep: 1, drop: "newest" },
  { key: "next", keep: 2, drop: "newest" },
  { key: "fixWork", keep: 1, drop: "oldest" },
  { key: "newSinceLast", keep: 2, drop: "oldest" },
  { clipItems: 100 },
  // Only for budgets far below the default: everything but the first of each list goes.
  { key: "steps", keep: 1, drop: "least-informative", protectFirst: 1 },
  { key: "ruledOut", keep: 1, drop: "newest" },
  { key: "problem", keep: 1, drop: "newest" },
  { key: "verified", keep: 0, drop: "oldest" },
  { key: "recommendations", keep: 0, drop: "newest" },
  { key: "newSinceLast", keep: 0, drop: "oldest" },
  { key: "next", keep: 1, drop: "newest" },
  { clipPrevious: 0 },
];

export interface FittedFacts {
  text: string;
  tokens: number;
  /** How many list items were dropped to fit. */
  droppedItems: number;
}

/**
 * Renders the facts within `maxTokens`, trimming lists by the plan above
 * until they fit. As a last resort (only with a tiny budget) the rendered
 * text is cut at the token limit.
 */
export function fitFacts(data: FactsData, maxTokens: number): FittedFacts {
  const d: FactsData = { ...data, sections: { ...data.sections } };
  let text = renderFacts(d);
  let tokens = countTokens(text);
  let dropped = 0;
  for (const step of TRIM_PLAN) {
    if (tokens <= maxTokens) break;
    if ("clipItems" in step) {
      for (const key of Object.keys(d.sections) as SectionKey[]) {
        d.sections[key] = d.sections[key].map((item) => clip(item, step.clipItems));
      }
    } else if ("clipPrevious" in step) {
      if (d.previous) {
        d.previous =
          step.clipPrevious > 0
            ? { ...d.previous, content: clip(d.previous.content, step.clipPrevious) }
            : null;
      }
    } else {
      const before = d.sections[step.key].length;
      d.sections[step.key] = trimList(d.sections[step.key], step, tokens - maxTokens);
      dropped += before - d.sections[step.key].length;
    }
    text = renderFacts(d);
    tokens = countTokens(text);
  }
  if (tokens > maxTokens) {
    text = cutToTokens(text, maxTokens);
    tokens = countTokens(text);
  }
  return { text, tokens, droppedItems: dropped };
}

/** Drops items (down to `keep`) until about `excess` tokens are saved. */
function trimList(items: string[], step: ListTrim, excess: number): string[] {
  if (items.length <= step.keep) return items;
  const order = dropOrder(items, step);
  const dropped = new Set<number>();
  let saved = 0;
  for (const index of order) {
    if (saved >= excess || items.length - dropped.size <= step.keep) break;
    dropped.add(index);
    saved += countTokens(itemLine(items[index]!)) + 1;
  }
  return items.filter((_, i) => !dropped.has(i));
}

/** Indexes in the order they should be dropped. */
function dropOrder(items: readonly string[], step: ListTrim): number[] {
  const indexes = items.map((_, i) => i);
  if (step.drop === "newest") return indexes.reverse();
  if (step.drop === "oldest") return indexes;
  return indexes
    .slice(step.protectFirst)
    .sort((a, b) => informativeness(items[a]!) - informativeness(items[b]!) || a - b);
}

/** Higher for a step that reports a result or a problem, lower for a bare action. */
export function informativeness(text: string): number {
  let score = Math.min(text.length, 160) / 160;
  if (
    /[-—–:=]|\b(?:shows?|showed|returns?|returned|found|confirmed|is|are|was|were|no|not|none)\b/i.test(text)
  )
    score += 1;
  if (
    /\b(?:error|fail|expired|blocked|missing|wrong|corrupt|full|disabled|stuck|timeout|timed out|denied|mismatch)\w*/i.test(
      text,
    )
  )
    score += 1;
  if (/\d/.test(text)) score += 0.25;
  return score;
}

/** The longest prefix of `text` with at most `maxTokens` tokens, ending on a line break when possible. */
function cutToTokens(text: string, maxTokens: number): string {
  if (maxTokens <= 0) return "";
  const lines = text.split("\n");
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = countTokens(line) + 1;
    if (used + cost > maxTokens - 2) break;
    kept.push(line);
    used += cost;
  }
  return `${kept.join("\n")}\n…`;
}
