import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The corpus of issue 27 (test/secrets/corpus-issue27, written by people who
 * had not read the detector): secret forms with the exact values that must
 * vanish and the text that must survive, ordinary technical lines, and
 * label-then-not-a-value pairs.
 */
const DIR = join(import.meta.dirname, "../secrets/corpus-issue27");

export interface CorpusPositive {
  id: string;
  kind: string;
  text: string;
  /** The message after `text`, when a label ends `text` and this is its value. */
  next?: string;
  secrets: string[];
  keep: string[];
}

export interface CorpusPair {
  id: string;
  text: string;
  next: string;
}

const jsonl = <T>(file: string): T[] =>
  readFileSync(join(DIR, file), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as T);

export const ISSUE27 = {
  positives: jsonl<CorpusPositive>("positives.jsonl"),
  negatives: readFileSync(join(DIR, "negatives.txt"), "utf8").replace(/\n$/, "").split("\n"),
  pairs: jsonl<CorpusPair>("negatives_pairs.jsonl"),
};

const RENDERINGS = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../secrets/issue27-renderings.json"), "utf8")) as {
    renderings: Record<string, string>;
  }
).renderings;

/** How an ordinary line is stored and shown: as typed, or with its known emoji shortcodes as emoji. */
export function storedForm(line: string): string {
  return RENDERINGS[line] ?? line;
}

/**
 * Where `secret` shows in `haystack`: the value itself; a short one (a CVV,
 * a PIN, an expiry) only as a token of its own, so "123" in a timestamp's
 * milliseconds is not taken for a card's code. Undefined when it does not.
 */
export function showsSecret(haystack: string, secret: string): string | undefined {
  if (secret.length >= 6) {
    const at = haystack.indexOf(secret);
    return at === -1 ? undefined : haystack.slice(Math.max(0, at - 60), at + secret.length + 20);
  }
  const escaped = secret.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const m = new RegExp(`(?<![\\w/:.-])${escaped}(?![\\w/:-]|\\.\\d)`).exec(haystack);
  return m ? haystack.slice(Math.max(0, m.index - 60), m.index + secret.length + 20) : undefined;
}
