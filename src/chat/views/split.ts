/**
 * Splits long text into chunks that each fit a platform limit, preferring
 * line boundaries, then word boundaries, and only then a hard cut. Nothing is
 * dropped: `chunks.join("")` after re-adding the separators each chunk lost
 * gives the input back (see `rejoin`).
 */

/** How long a piece is once rendered (escaping and markup conversion can change it). */
export type Measure = (piece: string) => number;

export interface Chunk {
  text: string;
  /** The separator that stood between this chunk and the next in the source ("\n", " " or ""). */
  separator: string;
}

const plainLength: Measure = (s) => s.length;

/**
 * Greedy split: whole lines while they fit; a line that is too long on its
 * own is split at spaces; a word that is too long is cut by code point.
 */
export function splitText(text: string, max: number, measure: Measure = plainLength): Chunk[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  if (measure(text) <= max) return [{ text, separator: "" }];
  const out: Chunk[] = [];
  let current: string | undefined;
  const flush = (separator: string) => {
    if (current !== undefined) out.push({ text: current, separator });
    current = undefined;
  };
  const lines = text.split("\n");
  lines.forEach((line) => {
    const candidate = current === undefined ? line : `${current}\n${line}`;
    if (measure(candidate) <= max) {
      current = candidate;
      return;
    }
    flush("\n");
    if (measure(line) <= max) {
      current = line;
      return;
    }
    for (const piece of splitLine(line, max, measure)) out.push(piece);
    // The last piece of an over-long line may be extended by the next lines.
    const last = out.pop()!;
    current = last.text;
  });
  flush("");
  return out;
}

function splitLine(line: string, max: number, measure: Measure): Chunk[] {
  const out: Chunk[] = [];
  let current: string | undefined;
  for (const word of line.split(" ")) {
    const candidate = current === undefined ? word : `${current} ${word}`;
    if (measure(candidate) <= max) {
      current = candidate;
      continue;
    }
    if (current !== undefined) out.push({ text: current, separator: " " });
    current = undefined;
    if (measure(word) <= max) {
      current = word;
      continue;
    }
    let piece = "";
    for (const ch of word) {
      if (piece !== "" && measure(piece + ch) > max) {
        out.push({ text: piece, separator: "" });
        piece = "";
      }
      piece += ch;
    }
    current = piece;
  }
  out.push({ text: current ?? "", separator: "" });
  return out;
}

/** The source text back from its chunks. */
export function rejoin(chunks: readonly Chunk[]): string {
  return chunks.map((c, i) => (i < chunks.length - 1 ? c.text + c.separator : c.text)).join("");
}
