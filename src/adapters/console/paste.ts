import { parseConsoleLine } from "./parse.ts";

/**
 * Lines as the engineer meant them: a paste is one message, as Slack and
 * Teams deliver it, so a key block keeps its header and a list of codes its
 * label.
 *
 * - Interactively, lines that arrive within `gapMs` of each other are one
 *   message: nobody types a line and presses Enter that fast, but a paste
 *   arrives at once.
 * - Always (scripts on stdin too, where every line arrives at once and each
 *   is its own message), a block that announces its own end is one message:
 *   a PEM block from `-----BEGIN …-----` to `-----END …-----`, a PuTTY key
 *   file up to its `Private-MAC:` line, a ``` fenced block.
 *
 * A FlowPilot command, a choice number or /quit is never joined to other
 * lines: it is read on its own, as typed.
 */
export interface MessageReader {
  /** The next message (one line or several joined by "\n"), or undefined at the end of input. */
  next(): Promise<string | undefined>;
}

/** How close together lines must arrive to be one paste (interactive consoles). */
export const PASTE_GAP_MS = 75;
/** The most lines one block or paste may join. */
const MAX_LINES = 400;

/** How long an interactive console waits for the rest of a block it has the start of. */
const BLOCK_WAIT_MS = 1_000;

const BLOCK_ENDS: Array<[RegExp, (first: string) => RegExp]> = [
  [
    /^\s*-----BEGIN ([A-Z0-9 ]+)-----\s*$/,
    (first) => new RegExp(`^\\s*-----END ${/BEGIN ([A-Z0-9 ]+)-----/.exec(first)![1]}-----`),
  ],
  [/^\s*PuTTY-User-Key-File-\d+:/, () => /^\s*Private-MAC:/],
  [/^\s*```[\w+-]*\s*$/, () => /^\s*```\s*$/],
];

/** The line that ends the block `line` starts, if it starts one. */
function blockEnd(line: string): RegExp | undefined {
  return BLOCK_ENDS.find(([start]) => start.test(line))?.[1](line);
}

/** The lines an input gives, each with when it arrived (not when it was read). */
export interface TimedLines {
  on(event: "line", listener: (line: string) => void): unknown;
  on(event: "close", listener: () => void): unknown;
}

/**
 * Messages from the lines of `input`. `gapMs`: join lines that arrived
 * within that time of each other (an interactive console); undefined: only
 * blocks are joined (a script on stdin, whose lines all arrive at once).
 * Lines are timed as they arrive, so lines typed ahead while FlowPilot was
 * busy stay separate messages.
 */
export function createMessageReader(input: TimedLines, gapMs?: number): MessageReader {
  const queue: Array<{ text: string; at: number }> = [];
  let closed = false;
  let wake: (() => void) | undefined;
  input.on("line", (text) => {
    queue.push({ text, at: performance.now() });
    wake?.();
  });
  input.on("close", () => {
    closed = true;
    wake?.();
  });

  /** Resolves when a line is queued, the input closed, or `waitMs` passed. */
  function arrival(waitMs?: number): Promise<void> {
    if (queue.length > 0 || closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = waitMs === undefined ? undefined : setTimeout(done, Math.max(0, waitMs));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  /** A command, a choice or /quit: read on its own (a blank line within a paste is part of it). */
  const standsAlone = (l: string) => !["message", "empty"].includes(parseConsoleLine(l).kind);

  return {
    async next() {
      await arrival();
      const first = queue.shift();
      if (!first) return undefined;
      if (standsAlone(first.text)) return first.text;
      const parts = [first.text];
      let last = first.at;
      let end = blockEnd(first.text);
      while (parts.length < MAX_LINES) {
        if (!end && gapMs === undefined) break;
        // in a block that announces its end, wait for that line (a while, interactively); between
        // blocks, take the next line only if it arrived with the paste
        if (end) await arrival(gapMs === undefined ? undefined : BLOCK_WAIT_MS);
        else await arrival(last + gapMs! - performance.now());
        const more = queue[0];
        if (!more || standsAlone(more.text)) break;
        if (!end && more.at - last > gapMs!) break;
        queue.shift();
        parts.push(more.text);
        last = more.at;
        if (!end) end = blockEnd(more.text);
        else if (end.test(more.text)) end = undefined;
      }
      return parts.join("\n");
    },
  };
}
