/**
 * Prints how the session account reads every labelled session: stage,
 * waiting on, cause, actions done, against the labels.
 * `npx tsx scripts/check-account.ts [set…] [--verbose]`.
 */
import { buildSessionAccount } from "../src/engine/account/session-account.ts";
import { buildSessionFacts } from "../src/engine/context/session-facts.ts";
import {
  LABELLED_SETS,
  loadLabelledSessions,
  matches,
} from "../test/engine/account/support/labelled-accounts.ts";

const sets = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const verbose = process.argv.includes("--verbose");
for (const set of sets.length ? sets : Object.keys(LABELLED_SETS)) {
  const cases = loadLabelledSessions(set);
  let stage = 0;
  let waiting = 0;
  let oldStage = 0;
  let cause = 0;
  let done = 0;
  let doneOf = 0;
  let falseDone = 0;
  for (const c of cases) {
    const account = buildSessionAccount(c.session);
    const old = buildSessionFacts(c.session).status;
    if (old === c.label.stage) oldStage += 1;
    const okStage = account.stage === c.label.stage;
    const okWait = (account.waitingOn?.on ?? null) === (c.label.waiting_on?.party ?? null);
    const okCause = c.label.cause
      ? account.cause !== null && matches(account.cause.text, c.label.cause.keywords)
      : account.cause === null || c.label.stage === "resolved";
    const doneTexts = account.actions
      .filter((a) => a.state === "done" || a.state === "failed")
      .map((a) => a.text);
    const found = c.label.actions_done.filter((a) => doneTexts.some((t) => matches(t, a.keywords))).length;
    const wrong = c.label.not_done.filter((n) =>
      account.actions.some((a) => a.state === "done" && matches(a.text, n.keywords)),
    );
    stage += okStage ? 1 : 0;
    waiting += okWait ? 1 : 0;
    cause += okCause ? 1 : 0;
    done += found;
    doneOf += c.label.actions_done.length;
    falseDone += wrong.length;
    if (verbose && (!okStage || !okWait || !okCause || wrong.length))
      console.log(
        `  ${c.name}: stage ${account.stage}${okStage ? "" : ` (want ${c.label.stage}; rules ${old})`}, waiting ${account.waitingOn?.on ?? null}${okWait ? "" : ` (want ${c.label.waiting_on?.party ?? null}: ${c.label.waiting_on?.for ?? ""})`}${okCause ? "" : `, cause ${JSON.stringify(account.cause?.text ?? null)} (want ${JSON.stringify(c.label.cause?.text ?? null)})`}${wrong.length ? `, reported done: ${wrong.map((w) => w.text).join("; ")}` : ""}`,
      );
  }
  const n = cases.length;
  console.log(
    `${set.padEnd(10)} ${String(n).padStart(3)} sessions  stage ${stage}/${n} (rules today ${oldStage}/${n})  waiting_on ${waiting}/${n}  cause ${cause}/${n}  actions done found ${done}/${doneOf}  not-done reported done ${falseDone}`,
  );
}
