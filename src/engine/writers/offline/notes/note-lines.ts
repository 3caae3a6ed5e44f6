import type { Actor } from "../../../account/acts.ts";
import type { ReadStatement, SessionAccount, Wait } from "../../../account/session-account.ts";

/** Where a line of the session goes in the ticket notes. */
export type NoteKind =
  | "problem"
  | "finding"
  | "ruled_out"
  | "open_hypothesis"
  | "done"
  | "under_way"
  | "change"
  | "failed"
  | "reverted"
  | "verification"
  | "planned"
  | "held"
  | "wait"
  | "contact";

/** One statement of the session (or a short one joined to the one it answers), placed under a heading. */
export interface NoteLine {
  kind: NoteKind;
  text: string;
  /** Index of the statement in account.statements: lines are listed in the order they were said. */
  index: number;
  author: ReadStatement["author"];
  /** The rule reader sees a change to the client's systems in it. */
  change?: boolean;
  actor?: Actor;
  wait?: Wait;
}

export type NoteLines = Record<NoteKind, NoteLine[]>;

export const statementKey = (source: string, text: string) => `${source}\u0000${text}`;

/** Finds the statement an account item was read from. */
export function statementIndex(
  account: SessionAccount,
): (item: { sources: string[]; text: string }) => number {
  const byKey = new Map<string, number>();
  account.statements.forEach((s, i) => {
    byKey.set(statementKey(s.source, s.text), i);
  });
  return (item) => {
    for (const source of item.sources) {
      const at = byKey.get(statementKey(source, item.text));
      if (at !== undefined) return at;
    }
    return -1;
  };
}
