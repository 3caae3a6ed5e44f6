import { splitSentences } from "../../context/sentences.ts";
import type { Fact } from "../../context/session-facts.ts";

/** The first sentence of a text, without its closing punctuation. */
export function firstSentence(text: string): string {
  return (splitSentences(text)[0] ?? text).trim().replace(/[.!?;:,]+$/, "");
}

/** Joins short phrases as English: "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function bulletList(facts: readonly Fact[]): string {
  return facts.map((f) => `- ${f.text}`).join("\n");
}

/** Ends a sentence with a period unless it already ends with punctuation. */
export function endSentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function minutesLabel(minutes: number): string {
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** "2:15 PM UTC": times in generated text are UTC so they read the same everywhere. */
export function clockTime(date: Date): string {
  return `${date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" })} UTC`;
}

export const STATUS_LABEL = {
  investigating: "Investigating",
  identified: "Identified",
  implementing: "Implementing fix",
  resolved: "Resolved",
  escalated: "Escalated",
} as const;
