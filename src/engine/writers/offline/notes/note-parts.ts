import type { SessionAccount } from "../../../account/session-account.ts";
import { classifyStatement } from "../../../context/roles/statement-roles.ts";
import { analyzeVerb } from "../../../context/roles/verbs.ts";
import { sameWork } from "./done-later.ts";
import type { NoteLine, NoteLines } from "./note-lines.ts";
import { pendingSuggestions } from "./suggestions.ts";
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
}

const WORK_DONE = ["done", "change", "failed", "reverted", "verification", "finding"] as const;

const UNDER_WAY = new Set(["action", "fix", "fix_in_progress"]);

/** Reads as work being done, not only intended: the rule reader says so, or it opens on a verb in -ing ("pulling …"). */
function underWay(text: string): boolean {
  if (UNDER_WAY.has(classifyStatement(text, { first: false }).role)) return true;
  const first = /^[a-z]+/i.exec(text.trim())?.[0];
  return first !== undefined && analyzeVerb(first)?.form === "gerund";
}

export function noteParts(account: SessionAccount, read: NoteLines, contact?: string): NoteParts {
  const later = WORK_DONE.flatMap((k) => read[k]);
  // A plan is carried out when a later line does the same work: it is no next step then.
  const carried = (p: NoteLine) => later.some((l) => l.index > p.index && sameWork(p.text, l.text));
  const nextSteps = read.planned.filter((p) => !carried(p));
  // "Pulling last night's restore point to staging, then …" then "restore kicked off": the work it names was under way.
  const started = read.planned
    .filter((p) => carried(p) && underWay(p.text))
    .map((p): NoteLine => ({ ...p, kind: "done" }));
  const lines = { ...read, done: [...read.done, ...started].sort((a, b) => a.index - b.index) };
  return {
    lines,
    nextSteps,
    suggested: pendingSuggestions(account).map((a) => a.text),
    openWaits: lines.wait,
    known: { contact, statements: account.statements },
  };
}
