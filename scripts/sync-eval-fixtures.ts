/**
 * Copies a newer edition of the shared development sets into the repository:
 *   npm run eval:sync -- <folder with intents-dev*.jsonl and sessions/>
 * The tests read test/fixtures/shared-eval (so a fresh clone needs nothing
 * beside it); review the diff and commit it like any other fixture change.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { SHARED_EVAL_DIR } from "../test/support/eval-dir.ts";

const source = process.argv[2];
if (!source || !existsSync(join(source, "sessions"))) {
  process.stderr.write("usage: npm run eval:sync -- <folder holding sessions/ and intents-dev*.jsonl>\n");
  process.exit(2);
}
if (resolve(source) === SHARED_EVAL_DIR) {
  process.stderr.write("eval:sync: that folder is the copy itself\n");
  process.exit(2);
}
rmSync(SHARED_EVAL_DIR, { recursive: true, force: true });
cpSync(source, SHARED_EVAL_DIR, { recursive: true });
process.stdout.write(
  `copied ${resolve(source)} -> ${SHARED_EVAL_DIR}; review with git diff ${SHARED_EVAL_DIR}\n`,
);
