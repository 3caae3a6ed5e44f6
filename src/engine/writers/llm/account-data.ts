import type { AccountItem, Action, SessionAccount, Wait } from "../../account/index.ts";
import type { InferredStatus } from "../../types.ts";
import { clip, dataText } from "./prompt-data.ts";
import { countTokens } from "./tokens.ts";

/** What each stage allows the text to claim; the model states the stage from this line. */
const STAGE_MEANING: Record<InferredStatus, string> = {
  investigating: "investigating: the cause is not known yet and nothing is fixed",
  identified: "identified: the cause is known; the fix is NOT applied yet",
  implementing: "implementing: the fix is being applied or was applied and is not yet confirmed",
  resolved: "resolved: fixed and confirmed",
  escalated: "escalated: handed to a specialist or higher tier",
};

/** Actions most worth keeping when the list is cut: changes made, then plans, failures, the rest. */
const ACTION_RANK: Record<Action["state"], number> = {
  done: 0,
  planned: 1,
  failed: 2,
  reverted: 3,
  suggested: 5,
};
const actionRank = (a: Action) => ACTION_RANK[a.state] + (a.change ? 0 : 1);

const ids = (item: AccountItem) => `[${item.sources.join(", ")}]`;

/** Keeps at most `cap` items, the most important by `rank` (lower first), shown in their original order. */
function keep<T>(items: readonly T[], cap: number, rank: (item: T, index: number) => number): T[] {
  if (items.length <= cap) return [...items];
  const chosen = items
    .map((item, i) => ({ i, r: rank(item, i) }))
    .sort((a, b) => a.r - b.r || b.i - a.i)
    .slice(0, cap)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  return chosen.map((i) => items[i]!);
}

const newestFirst = (_: unknown, i: number) => -i;

function render(
  account: SessionAccount,
  cap: number,
  clipAt: number,
  clean: (item: AccountItem) => string,
): string {
  const text = (item: AccountItem) => clip(clean(item), clipAt);
  const lines: string[] = [];
  const waiting = account.waitingOn;
  lines.push(`Stage: ${STAGE_MEANING[account.stage]}`);
  lines.push(
    waiting
      ? `Waiting now on: ${waiting.on}${waiting.who ? ` (${waiting.who})` : ""} — ${text(waiting)} ${ids(waiting)}`
      : "Waiting now on: nobody",
  );
  if (account.cause) lines.push(`Cause: ${text(account.cause)} ${ids(account.cause)}`);
  const list = <T extends AccountItem>(
    title: string,
    items: readonly T[],
    label: (item: T) => string,
    rank: (item: T, index: number) => number,
  ) => {
    const kept = keep(items, cap, rank);
    if (kept.length === 0) return;
    const more = items.length > kept.length ? ` (${kept.length} of ${items.length})` : "";
    lines.push(`${title}${more}:`, ...kept.map((item) => `- ${label(item)}${text(item)} ${ids(item)}`));
  };
  list(
    "Problem",
    account.problem,
    () => "",
    (_, i) => i,
  );
  list("Findings", account.findings, () => "", newestFirst);
  list(
    "Hypotheses",
    account.hypotheses.filter((h) => h !== account.cause),
    (h) => `${h.state.replace("_", " ")}: `,
    (h, i) => (h.state === "open" ? 0 : 1) * 1_000 - i,
  );
  list(
    "Actions",
    account.actions,
    (a) => `${a.state} (${a.actor}${a.change ? ", a change" : ""}): `,
    (a, i) => actionRank(a) * 1_000 - i,
  );
  list(
    "Waits",
    account.waits,
    (w: Wait) => `${w.open ? "open" : "over"}, on ${w.on}${w.who ? ` (${w.who})` : ""}: `,
    (w, i) => (w.open ? 0 : 1) * 1_000 - i,
  );
  list("Verification", account.verification, () => "", newestFirst);
  const { resolution, escalation } = account.outcome;
  if (resolution) lines.push(`Outcome: resolved — ${clip(dataText(resolution), clipAt * 2)}`);
  if (escalation) lines.push(`Outcome: escalated — ${clip(dataText(escalation), clipAt * 2)}`);
  return lines.join("\n");
}

/** Ever smaller lists and items, until the account fits. */
const STEPS: readonly [cap: number, clipAt: number][] = [
  [Number.POSITIVE_INFINITY, 220],
  [12, 200],
  [8, 160],
  [5, 140],
  [3, 120],
  [2, 100],
  [1, 80],
  [0, 80],
];

export interface FittedAccount {
  text: string;
  tokens: number;
}

/**
 * The session account as compact data for the prompt: stage, what the work
 * waits on, cause, and each list with the ids of the messages its items rest
 * on, cut (most important items kept) to `maxTokens`.
 */
export function fitAccount(account: SessionAccount, maxTokens: number): FittedAccount {
  const lists = [
    account.problem,
    account.findings,
    account.hypotheses,
    account.actions,
    account.waits,
    account.verification,
  ];
  // Redaction is the costly part of rendering: once per item, whatever the cut.
  const cleaned = new Map<AccountItem, string>();
  const clean = (item: AccountItem) => {
    let text = cleaned.get(item);
    if (text === undefined) {
      text = dataText(item.text);
      cleaned.set(item, text);
    }
    return text;
  };
  let text = "";
  let tokens = 0;
  for (const [cap, clipAt] of STEPS) {
    // A long session's lists run to thousands of items: the cuts that cannot fit are passed before rendering,
    // and counting (the slow part) is spared where the estimate is already over the budget.
    const shown = lists.reduce((sum, list) => sum + Math.min(cap, list.length), 0);
    if (shown * MIN_ITEM_TOKENS > maxTokens && cap > 0) continue;
    text = render(account, cap, clipAt, clean);
    if (text.length > maxTokens * ESTIMATED_CHARS_PER_TOKEN && cap > 0) continue;
    tokens = countTokens(text);
    if (tokens <= maxTokens) break;
  }
  return { text, tokens };
}

/** An item line costs at least this much: "- ", its text, its ids. */
const MIN_ITEM_TOKENS = 8;
/** Session text runs 3.5-4.5 characters a token; the low end keeps the estimate from passing a cut that fits. */
const ESTIMATED_CHARS_PER_TOKEN = 3.5;
