import { causeClause } from "../../../account/cause-clause.ts";
import type { Action, ReadStatement, SessionAccount } from "../../../account/session-account.ts";
import { classifyStatement } from "../../../context/roles/statement-roles.ts";
import { kindByGrammar, turnsDownAdvice } from "./line-grammar.ts";
import { type NoteKind, type NoteLine, type NoteLines, statementIndex } from "./note-lines.ts";
import { joinSentences, TECHNICAL_TERM } from "./note-text.ts";
import { quotedContinuations } from "./quoted-continuation.ts";

const KINDS: readonly NoteKind[] = [
  "problem",
  "finding",
  "ruled_out",
  "open_hypothesis",
  "done",
  "under_way",
  "change",
  "failed",
  "reverted",
  "verification",
  "planned",
  "held",
  "wait",
  "contact",
];

/** Work the opening message reports as already done or planned stays work; the rest of it describes the problem. */
const OPENING_WORK = new Set([
  "action_done",
  "action_failed",
  "action_reverted",
  "action_planned",
  "hypothesis",
]);
/** Sure enough that the engineer says something is deliberately not changed yet ("not touching the policy until then"). */
const HELD_SURE = 0.7;
/** The statement reader is unsure it is chat, and the rule reader reads a result: keep it ("UsageLocation = US"). */
const CHATTER_DOUBT = 0.35;
const RESULT_ROLES = new Set(["finding", "symptom", "verification", "ruled_out", "cause"]);
const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * Places every statement of the account under one heading of the ticket
 * notes: the account's own reading first (its problem, findings, hypotheses,
 * actions, waits, verification), then statements it read as none of those
 * but which report a result. Chat, greetings and the assistant's text are
 * never placed; each statement is placed once.
 */
const POINTER_ONLY =
  /^\W*(?:bingo|boom|yep|yup|nice|good|great|cool|there it is|there we go|found it|got it|that'?s (?:it|the one|the (?:root )?cause|the culprit|the problem)|thats (?:it|the one|the (?:root )?cause))?(?:[\s.!]|\p{Extended_Pictographic}|\u{FE0F})*$/iu;

const TAKEN_BACK_ONLY =
  /^\W*(?:(?:actually|argh|ugh|hmm|ok)\W+)*(?:no\W+)?(?:scratch that|ignore (?:that|this|me)|never ?mind|nvm|wrong (?:window|chat|ticket)|pasted (?:that|this) in here)\b[^a-z]*(?:ignore\W*)?$/i;
/** A name, a figure or a quoted value: "WS03", "8 users", "'Access denied'". */
const NAMES_SOMETHING = new RegExp(`${TECHNICAL_TERM.source}|\\d|['"‘“]`);

/** "Not great not awful", "Come on", "Uh oh": a reaction, which tells the next technician nothing. */
const REACTION_ONLY =
  /^\W*(?:not (?:great|good|ideal),? (?:but )?not (?:awful|terrible|the end of the world)|come on|uh[- ]?oh|oh no|oh dear|typical|classic|of course|as expected|fun|lovely|brilliant|nice one|bah|meh|phew|oops|whoops|damn|argh|sigh|go figure|figures)\W*$/i;

const namesNothing = (text: string) =>
  TAKEN_BACK_ONLY.test(text) || (words(text) <= 3 && !NAMES_SOMETHING.test(text));

/** "Tea, 15 min", "lunch, back in 15ish", "brb call": a break, which the time spent already accounts for. */
const BREAK =
  /^\W*(?:tea|lunch|coffee|brb|break|other (?:client )?call|call from [^,.]{1,30}|phone call|school run)\W*(?:,?\s*(?:back in\s*)?~?\d+\s?(?:min|mins|m)\w*|,?\s*back (?:in \w+|soon))?\W*$/i;

/** The statement opens the engineer's first message after the assistant's advice. */
function answersAdvice(statements: readonly ReadStatement[], index: number): boolean {
  const own = statements[index]!.message;
  for (let j = index - 1; j >= 0; j--) {
    const s = statements[j]!;
    if (s.message === own) continue;
    return s.author === "assistant";
  }
  return false;
}

export function readNoteLines(account: SessionAccount): NoteLines {
  const statements = account.statements;
  const indexOf = statementIndex(account);
  const placed = new Map<number, NoteLine>();
  const continued = quotedContinuations(statements);
  const taken = new Set([...continued.values()].flat());
  const place = (index: number, kind: NoteKind, extra: Partial<NoteLine> = {}) => {
    const s = statements[index];
    if (!s || placed.has(index) || taken.has(index) || s.author === "assistant") return;
    // "Bingo", "That's the cause", "👍": a pointer or a reaction says nothing on its own line.
    if (POINTER_ONLY.test(s.text) || BREAK.test(s.text)) return;
    // "No need - …", "Absolutely not.", "nah every user …": a no to the assistant's advice, which the notes do not list.
    if (turnsDownAdvice(s.text) && answersAdvice(statements, index)) return;
    // The cause has its own heading; the statement that states it is not listed again.
    if (kind !== "problem" && statesTheCause(s, account)) return;
    const text = [s, ...(continued.get(index) ?? []).map((j) => statements[j]!)].map((t) => t.text).join(" ");
    placed.set(index, { kind, text, index, author: s.author, change: s.change, ...extra });
  };

  const opening = openingMessage(statements);
  statements.forEach((s, i) => {
    if (s.message > opening || s.author === "assistant") return;
    if (s.act === "greeting") return;
    // "… 'it wants the authenticator code'. bought a new phone there": after the client's quoted report, a
    // step with no "I" or "we" is still the report, not our work.
    if (OPENING_WORK.has(s.act) && !(afterReport(statements, i) && !OURS.test(s.text))) return;
    if (s.act === "chatter" && !workInChat(s)) return;
    if ((s.act === "wait" || s.act === "ask") && s.ruleWait) return;
    if (s.act === "ruled_out" && s.confidence >= 0.8) return;
    place(i, "problem");
  });

  for (const wait of account.waits) {
    const i = indexOf(wait);
    if (wait.open && holdsWork(statements[i])) place(i, "wait", { wait });
    // A wait the work moved past stays on record as what it says: a plan, or how things stood.
    else if (!wait.open && (statements[i]?.act === "ask" || statements[i]?.act === "wait"))
      place(
        i,
        classifyStatement(statements[i]!.text, { first: false }).role === "next" ? "planned" : "finding",
      );
  }
  // A symptom the account takes for the problem only because the opening said none ("Still H202") is a finding.
  for (const p of account.problem) {
    const i = indexOf(p);
    place(i, (statements[i]?.message ?? Infinity) <= opening ? "problem" : "finding");
  }
  for (const f of account.findings) place(indexOf(f), "finding");
  for (const h of account.hypotheses) {
    if (h === account.cause) continue;
    place(
      indexOf(h),
      h.state === "ruled_out" ? "ruled_out" : h.state === "open" ? "open_hypothesis" : "finding",
    );
  }
  for (const a of account.actions) {
    const i = indexOf(a);
    const s = statements[i];
    if (!s || s.author === "assistant") continue;
    const kind = actionKind(a, s);
    if (kind) place(i, kind, { actor: a.state === "suggested" ? "engineer" : a.actor });
  }
  const firstChange = statements.findIndex(
    (s) => s.author === "engineer" && ((s.act === "action_done" && s.change) || s.act === "action_reverted"),
  );
  for (const v of account.verification) {
    const i = indexOf(v);
    // Nothing can be verified before something was changed: an earlier "works" reports how things stand.
    place(i, firstChange >= 0 && i > firstChange ? "verification" : "finding");
  }

  statements.forEach((s, i) => {
    if (placed.has(i) || s.author === "assistant") return;
    if (s.act === "nothing_done" && s.author === "engineer" && s.confidence >= HELD_SURE) place(i, "held");
    else if (["symptom", "finding", "cause", "nothing_done", "verification"].includes(s.act))
      place(i, "finding");
    // Read as a wait or an ask but on nobody ("called Comcast, their ticket is CB-7781243"): what happened.
    else if ((s.act === "wait" || s.act === "ask") && s.author === "engineer") place(i, "finding");
    else if (s.act === "chatter") {
      const kind = workInChat(s);
      if (kind) place(i, kind);
    }
  });

  joinShortReplies(placed, statements);
  joinVerdicts(placed, statements);
  // "Actually no, scratch that", "Done", "Not needed": a fragment left unjoined names nothing for the next technician.
  for (const [i, line] of placed) {
    line.kind = kindByGrammar(line);
    if (
      line.kind !== "problem" &&
      (REACTION_ONLY.test(line.text) ||
        (line.kind !== "ruled_out" && line.kind !== "wait" && namesNothing(line.text)))
    )
      placed.delete(i);
  }
  const lines = Object.fromEntries(KINDS.map((k) => [k, [] as NoteLine[]])) as NoteLines;
  for (const line of [...placed.values()].sort((a, b) => a.index - b.index)) lines[line.kind].push(line);
  return lines;
}

const OURS = /\b(?:i|i'?ve|i'?m|we|we'?ve|we'?re|us|our|me)\b/i;

/** An earlier statement of the same message quotes someone's report ("nadia: '…'"). */
function afterReport(statements: readonly ReadStatement[], i: number): boolean {
  for (let j = i - 1; j >= 0 && statements[j]!.message === statements[i]!.message; j--)
    if (/['"‘“]/.test(statements[j]!.text)) return true;
  return false;
}

/** The first message the engineer wrote (and what the client wrote before it): the reported problem. */
function openingMessage(statements: readonly ReadStatement[]): number {
  return statements.find((s) => s.author === "engineer")?.message ?? -1;
}

/** Where an action of the account goes: its state, and for an engineer's "suggestion" what the rule reader makes of it. */
function actionKind(a: Action, s: ReadStatement): NoteKind | null {
  switch (a.state) {
    case "done":
      return a.change ? "change" : "done";
    case "planned":
      return "planned";
    case "failed":
      // A failure nobody attempted ("no new Event 1001", "nothing either") is a result, not an attempt.
      return a.actor === "none" ? "finding" : "failed";
    case "reverted":
      return "reverted";
    case "suggested":
      return engineerSuggestionKind(s);
  }
}

const CONDITIONAL = /\b(?:would|could|might|we'd|i'd|should)\b/i;

/** An engineer's line the statement reader took for advice: the rule reader says whether it is a plan, a change or a result. */
function engineerSuggestionKind(s: ReadStatement): NoteKind | null {
  const role = classifyStatement(s.text, { first: false }).role;
  if (role === "chatter" || role === "aside") return null;
  if (role === "next" || CONDITIONAL.test(s.text)) return "planned";
  if (role === "fix" || role === "fix_in_progress") return "change";
  if (role === "action") return "done";
  return "finding";
}

function statesTheCause(s: ReadStatement, account: SessionAccount): boolean {
  const cause = account.cause;
  if (!cause?.sources.includes(s.source)) return false;
  const clause = causeClause(s.text)?.toLowerCase() ?? "";
  const stated = cause.text.toLowerCase();
  return clause.length > 0 && (stated.includes(clause) || clause.includes(stated));
}

const WAIT_ACTS = new Set(["wait", "ask", "nothing_done", "action_planned"]);

/** An open wait the notes list as pending: the statement reads as a wait or a hold to one reader or the other. */
function holdsWork(s: ReadStatement | undefined): boolean {
  return s !== undefined && (WAIT_ACTS.has(s.act) || Boolean(s.ruleWait));
}

/**
 * A statement the statement reader takes for chat but that reports work: it
 * is unsure and the rule reader reads a result ("UsageLocation = US"), or it
 * names something technical ("got him into WinRE"). Asides never count.
 */
function workInChat(s: ReadStatement): NoteKind | null {
  if (s.author === "assistant" || words(s.text) < 2) return null;
  const role = classifyStatement(s.text, { first: false }).role;
  if (role === "chatter" || role === "aside") return null;
  const unsure = s.confidence < CHATTER_DOUBT && words(s.text) >= 3 && RESULT_ROLES.has(role);
  if (!unsure && !TECHNICAL_TERM.test(s.text)) return null;
  // Read as chat by one reader, it is never claimed as work done: it is listed as what it reports.
  return "finding";
}

/** "nope same", "same 3/6", "still H202": a verdict on the step before it, whatever the reader made of it. */
const VERDICT_ONLY =
  /^\W*(?:(?:nope|no|nah|still|yep|yes)[,.!\s-]+)*(?:same|still|no change|no difference|no luck|didn'?t (?:help|work|fix it)|nothing)\b[^.?!]{0,30}$/i;

/**
 * A short verdict left unplaced ("nope same") is written after the step it
 * judges, the engineer's last line placed before it, so the step does not
 * read as if it worked.
 */
function joinVerdicts(placed: Map<number, NoteLine>, statements: readonly ReadStatement[]): void {
  statements.forEach((s, i) => {
    if (placed.has(i) || s.author !== "engineer" || !VERDICT_ONLY.test(s.text)) return;
    let j = i - 1;
    while (j >= 0 && !(placed.has(j) && statements[j]!.author === "engineer")) j--;
    const step = placed.get(j);
    if (!step || i - j > 6) return;
    step.text = joinSentences(step.text, s.text);
    if (step.kind === "done" || step.kind === "change") step.kind = "failed";
  });
}

const JOINABLE = new Set<NoteKind>(["ruled_out", "finding", "failed", "verification", "open_hypothesis"]);

/**
 * "Not it", "didn't help either", "confirms it": a short reply means nothing
 * alone, so it is written after the statement it answers, which then is not
 * listed again.
 */
function joinShortReplies(placed: Map<number, NoteLine>, statements: readonly ReadStatement[]): void {
  for (const line of [...placed.values()].sort((a, b) => a.index - b.index)) {
    const s = statements[line.index]!;
    const bare = words(s.text) <= 2 && !/\d/.test(s.text);
    if (!JOINABLE.has(line.kind) || !(bare || (s.refersBack && words(s.text) <= 3))) continue;
    let j = line.index - 1;
    while (j >= 0 && (statements[j]!.act === "chatter" || statements[j]!.author === "assistant")) j--;
    const previous = placed.get(j);
    if (!previous || !JOINABLE.has(previous.kind) || previous.author !== line.author) continue;
    placed.delete(j);
    line.text = joinSentences(previous.text, line.text);
    // "Not it", "didn't help" judge the statement before; "confirms it", "no cause yet" leave it what it was.
    if (line.kind !== "ruled_out" && line.kind !== "failed") {
      line.kind = previous.kind;
      line.actor = previous.actor;
    }
  }
}
