/**
 * Prints the ticket notes written for labelled sessions, with the account beside them:
 * `npx tsx scripts/print-notes.ts [name-substring…] [--quick] [--context=update|resolution|escalation] [--account]`.
 */
import { readSessionWithAccount } from "../src/engine/account/index.ts";
import { generateStatusUpdate } from "../src/engine/generate.ts";
import { redactSnapshot } from "../src/engine/intake/redact-session.ts";
import type { UpdateContextKind } from "../src/engine/types.ts";
import { LABELLED_SETS, loadLabelledSessions } from "../test/engine/account/support/labelled-accounts.ts";

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith("--"));
const quick = args.includes("--quick");
const showAccount = args.includes("--account");
const context = args.find((a) => a.startsWith("--context="))?.split("=")[1] as UpdateContextKind | undefined;
for (const set of Object.keys(LABELLED_SETS)) {
  for (const c of loadLabelledSessions(set)) {
    if (names.length && !names.some((n) => c.name.includes(n))) continue;
    const update = await generateStatusUpdate(c.session, {
      audience: "ticket_notes",
      length: quick ? "quick" : "detailed",
      ...(context ? { context } : {}),
    });
    console.log(`\n===== ${set}/${c.name} (${update.context}; label stage ${c.label.stage}) =====`);
    if (showAccount) {
      const { account } = await readSessionWithAccount(await redactSnapshot(c.session));
      const brief = {
        stage: account.stage,
        waitingOn: account.waitingOn,
        cause: account.cause?.text,
        problem: account.problem.map((p) => p.text),
        findings: account.findings.map((p) => p.text),
        hypotheses: account.hypotheses.map((h) => `${h.state}: ${h.text}`),
        actions: account.actions.map((a) => `${a.state}/${a.actor}${a.change ? "/change" : ""}: ${a.text}`),
        waits: account.waits.map(
          (w) => `${w.open ? "open" : "closed"} ${w.on}${w.who ? ` (${w.who})` : ""}: ${w.text}`,
        ),
        verification: account.verification.map((v) => v.text),
        other: account.statements
          .filter((s) =>
            ["chatter", "greeting", "ask", "wait", "nothing_done", "cause", "symptom"].includes(s.act),
          )
          .map((s) => `${s.act}/${s.author}: ${s.text}`),
      };
      console.log(JSON.stringify(brief, null, 1));
      console.log("-----");
    }
    console.log(update.content);
  }
}
