/**
 * Writes the account and facts JSON of every fixture session into a folder, to
 * check that a change meant to keep the reading (a speed-up, a refactor) keeps
 * it: dump before, dump after, `diff -r` the folders.
 * `npx tsx scripts/dump-accounts.ts OUT_DIR`. Covers test/engine/fixtures/**, the
 * shared eval sessions and the bench's 1,000- and 5,000-message sessions, each
 * also with a previous update halfway (the since-last path), read with memos
 * cleared and again warm, built whole and sliced.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { forgetReadStatementActs } from "../src/engine/account/read-statement.ts";
import { buildSessionAccount, readSessionWithAccount } from "../src/engine/account/session-account.ts";
import {
  buildSessionFacts,
  forgetReadSessions,
  readSessionFacts,
} from "../src/engine/context/session-facts.ts";
import { transcriptSchema, transcriptToSnapshot } from "../src/engine/transcript.ts";
import type { SessionSnapshot } from "../src/engine/types.ts";
import { REPO_ROOT, SHARED_EVAL_DIR } from "../test/support/eval-dir.ts";
import { makeLongSession } from "../test/support/long-session.ts";

const out = process.argv[2];
if (!out) throw new Error("usage: npx tsx scripts/dump-accounts.ts OUT_DIR");

const sessionFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sessionFiles(path);
    return f.endsWith(".json") && !f.endsWith(".expect.json") && !f.endsWith(".account.json") ? [path] : [];
  });

const NOW = new Date("2026-12-01T00:00:00Z");
const cases: { name: string; session: SessionSnapshot }[] = [];
for (const dir of [join(REPO_ROOT, "test/engine/fixtures"), join(SHARED_EVAL_DIR, "sessions")])
  for (const file of sessionFiles(dir)) {
    const parsed = transcriptSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) continue;
    const name = relative(REPO_ROOT, file).replace(/[/]/g, "__");
    cases.push({ name, session: transcriptToSnapshot(parsed.data, { id: name, now: NOW }) });
  }
for (const size of [1000, 5000]) {
  const transcript = transcriptSchema.parse(makeLongSession(size, { seed: size }));
  cases.push({
    name: `long-${size}`,
    session: transcriptToSnapshot(transcript, { id: `long-${size}`, now: NOW }),
  });
}
for (const c of [...cases]) {
  const previous = {
    audience: "ticket_notes" as const,
    length: "quick" as const,
    context: "update" as const,
    content: "x",
    sessionStatus: "investigating" as const,
    generatedAt: NOW,
    messageCount: Math.floor(c.session.messages.length / 2),
  };
  cases.push({ name: `${c.name}.since-half`, session: { ...c.session, previousUpdates: [previous] } });
}

mkdirSync(out, { recursive: true });
const forget = () => {
  forgetReadSessions();
  forgetReadStatementActs();
};
for (const warm of [false, true])
  for (const c of cases) {
    if (!warm) forget();
    const account = buildSessionAccount(c.session);
    const facts = buildSessionFacts(c.session);
    if (!warm) forget();
    const withAccount = await readSessionWithAccount(c.session);
    const factsSliced = await readSessionFacts(c.session);
    const file = join(out, `${c.name}.${warm ? "warm" : "cold"}.json`);
    writeFileSync(file, JSON.stringify({ account, facts, withAccount, factsSliced }, null, 1));
  }
console.log(`${cases.length} sessions, cold and warm, written to ${out}`);
