import type { SessionAccount } from "../../../account/session-account.ts";
import { sameWork } from "./done-later.ts";
import { declinesStep, takesBack } from "./line-grammar.ts";
import type { NoteLine, NoteLines } from "./note-lines.ts";
import { pendingSuggestions, sharesTopic } from "./suggestions.ts";
import { readsUnderWay } from "./under-way.ts";
import type { KnownNames } from "./wait-owner.ts";

/** What the detailed and quick notes are written from: the account's lines under their headings. */
export interface NoteParts {
  lines: NoteLines;
  /** Plans not carried out by a later statement. */
  nextSteps: NoteLine[];
  /** The assistant's latest advice nobody acted on. */
  suggested: string[];
  openWaits: NoteLine[];
  known: KnownNames;
  /** The ticket the note is filed on: the report need not repeat it. */
  ticketId?: string;
}

const WORK_DONE = ["done", "under_way", "change", "failed", "reverted", "verification", "finding"] as const;

export function noteParts(
  account: SessionAccount,
  read: NoteLines,
  contact?: string,
  ticketId?: string,
): NoteParts {
  const later = WORK_DONE.flatMap((k) => read[k]);
  // A plan is carried out when a later line does the same work: it is no next step then.
  const carried = (p: NoteLine) => later.some((l) => l.index > p.index && sameWork(p.text, l.text));
  // A plan the engineer turns down later ("not deleting backups on month end") is no next step either.
  const engineer = account.statements.map((s, i) => ({ s, i })).filter(({ s }) => s.author === "engineer");
  // "was going to bump AP03 tx power" then "actually no, scratch that": taken back at once.
  const declined = (p: NoteLine) =>
    engineer.some(
      ({ s, i }) =>
        i > p.index &&
        ((declinesStep(s.text) && sharesTopic(p.text, s.text)) || (i <= p.index + 2 && takesBack(s.text))),
    );
  // The client's own plans ("I'll ask Marco …") are theirs to keep, not our next step.
  const nextSteps = read.planned.filter((p) => p.author !== "client" && !carried(p) && !declined(p));
  // "Pulling last night's restore point to staging, then …" then "restore kicked off": the work it names was under way.
  const started = read.planned
    .filter((p) => carried(p) && readsUnderWay(p.text))
    .map((p): NoteLine => ({ ...p, kind: "under_way" }));
  const lines = { ...read, under_way: [...read.under_way, ...started].sort((a, b) => a.index - b.index) };
  return {
    lines,
    nextSteps,
    suggested: pendingSuggestions(account).map((a) => a.text),
    openWaits: lines.wait,
    known: { contact },
    ticketId,
  };
}
