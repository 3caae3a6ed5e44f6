import type { ReadStatement } from "../../../account/session-account.ts";

/** Whether a text leaves a single-quoted passage open: "msi: 'Unable to upgrade the Synchronization Service". */
export function leavesQuoteOpen(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "'") continue;
    const before = text[i - 1] ?? " ";
    const after = text[i + 1] ?? " ";
    // An apostrophe ("he's", "users'") sits against a letter; a quote opens after a space or a colon.
    if (!open && /[\s:(=]/.test(before) && /\S/.test(after)) open = true;
    else if (open && /\S/.test(before) && /[\s.,;:!?)]/.test(after)) open = false;
  }
  return open;
}

const MAX_PARTS = 4;

/**
 * Pasted error text in single quotes holds full stops ("'Unable to upgrade.
 * Please retry.'"), so the sentence splitter cuts it; the statements of one
 * message that continue an open quote are read as one line. Returns, for
 * each statement that opens such a quote, the indices it takes in.
 */
export function quotedContinuations(statements: readonly ReadStatement[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < statements.length; i++) {
    let text = statements[i]!.text;
    if (!leavesQuoteOpen(text)) continue;
    const taken: number[] = [];
    for (let j = i + 1; j < statements.length && taken.length < MAX_PARTS; j++) {
      if (statements[j]!.message !== statements[i]!.message) break;
      taken.push(j);
      text = `${text} ${statements[j]!.text}`;
      if (!leavesQuoteOpen(text)) break;
    }
    if (taken.length > 0) {
      out.set(i, taken);
      i = taken.at(-1)!;
    }
  }
  return out;
}
