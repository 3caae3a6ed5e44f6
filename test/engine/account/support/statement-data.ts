import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ACTORS, CERTAINTIES, STATEMENT_ACTS, WAIT_PARTIES } from "../../../../src/engine/account/acts.ts";
import type { StatementInput } from "../../../../src/engine/account/statement-features.ts";
import { classifyStatement } from "../../../../src/engine/context/roles/statement-roles.ts";

/** Labelled statements (statements/GUIDE.md): train/ is fitted on, holdout/ never is. */
export const STATEMENTS_DIR = fileURLToPath(new URL("../statements", import.meta.url));

const labelled = z.object({
  text: z.string().min(1),
  prev: z.string().optional(),
  author: z.enum(["engineer", "assistant", "client"]),
  /** Labelled in a whole thread: the message it is from (1-based), and whether that is the engineer's first. */
  message: z.number().int().positive().optional(),
  first: z.boolean().optional(),
  session: z.string().optional(),
  act: z.enum(STATEMENT_ACTS),
  negated: z.boolean(),
  certainty: z.enum(CERTAINTIES),
  actor: z.enum(ACTORS),
  waiting_on: z.enum(WAIT_PARTIES.filter((p) => p !== "none") as [string, ...string[]]).nullable(),
  refers_back: z.boolean(),
  domain: z.string(),
});
export type LabelledStatement = z.infer<typeof labelled> & { source: string };

export function loadStatements(part: "train" | "holdout"): LabelledStatement[] {
  const dir = join(STATEMENTS_DIR, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line, i) => {
          const parsed = labelled.safeParse(JSON.parse(line));
          if (!parsed.success)
            throw new Error(`${part}/${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
          return { ...parsed.data, source: file };
        }),
    );
}

/** What the reader is given for a labelled statement, as it is given it in a thread. */
export function inputOf(row: LabelledStatement): StatementInput {
  return {
    text: row.text,
    author: row.author,
    previous: row.prev,
    rule: classifyStatement(row.text, { first: row.first ?? false }),
  };
}
