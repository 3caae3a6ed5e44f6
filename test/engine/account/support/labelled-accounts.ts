import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { transcriptSchema, transcriptToSnapshot } from "../../../../src/engine/transcript.ts";
import type { SessionSnapshot } from "../../../../src/engine/types.ts";
import { SHARED_EVAL_DIR } from "../../../support/eval-dir.ts";

/** Alternatives per inner list: a text matches when it holds one alternative of every list. */
const keywords = z.array(z.array(z.string()));

export const accountLabel = z.object({
  stage: z.enum(["investigating", "identified", "implementing", "resolved", "escalated"]),
  waiting_on: z
    .object({
      party: z.enum(["client", "vendor", "internal", "process"]),
      who: z.string().optional(),
      for: z.string().optional(),
    })
    .nullable(),
  cause: z.object({ text: z.string(), keywords }).nullable(),
  actions_done: z.array(z.object({ text: z.string(), message: z.number().int().positive(), keywords })),
  not_done: z.array(z.object({ text: z.string(), keywords })),
  ruled_out: z.array(z.object({ text: z.string(), keywords })),
});
export type AccountLabel = z.infer<typeof accountLabel>;

export interface LabelledSession {
  set: string;
  name: string;
  session: SessionSnapshot;
  label: AccountLabel;
}

const FIXTURES = fileURLToPath(new URL("../../fixtures", import.meta.url));

/** Session folders and where their account labels live (beside in NAME.expect.json, or in account-labels/). */
export const LABELLED_SETS: Record<string, { sessions: string; labels?: string }> = {
  shared: { sessions: join(SHARED_EVAL_DIR, "sessions"), labels: join(FIXTURES, "account-labels/shared") },
  sessions: { sessions: join(FIXTURES, "sessions"), labels: join(FIXTURES, "account-labels/sessions") },
  holdout: { sessions: join(FIXTURES, "holdout-sessions"), labels: join(FIXTURES, "account-labels/holdout") },
  labelled: { sessions: join(FIXTURES, "labelled-sessions") },
  later: { sessions: join(FIXTURES, "later-sessions") },
  fresh: { sessions: join(FIXTURES, "fresh-sessions") },
  unseen: { sessions: join(FIXTURES, "unseen-sessions") },
  newest: { sessions: join(FIXTURES, "newest-sessions") },
  recent: { sessions: join(FIXTURES, "recent-sessions") },
  latest: { sessions: join(FIXTURES, "latest-sessions") },
  december: { sessions: join(FIXTURES, "december-sessions") },
  winter: { sessions: join(FIXTURES, "winter-sessions") },
  closing: { sessions: join(FIXTURES, "closing-sessions") },
  evening: { sessions: join(FIXTURES, "evening-sessions") },
  night: { sessions: join(FIXTURES, "night-sessions") },
  dawn: { sessions: join(FIXTURES, "dawn-sessions") },
  morning: { sessions: join(FIXTURES, "morning-sessions") },
  midday: { sessions: join(FIXTURES, "midday-sessions") },
};

export const matches = (text: string, groups: readonly (readonly string[])[]) =>
  groups.every((alternatives) => alternatives.some((a) => text.toLowerCase().includes(a.toLowerCase())));

export function loadLabelledSessions(set: keyof typeof LABELLED_SETS): LabelledSession[] {
  const { sessions, labels } = LABELLED_SETS[set]!;
  if (!existsSync(sessions)) return [];
  return readdirSync(sessions)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
    .sort()
    .flatMap((file) => {
      const name = file.replace(/\.json$/, "");
      const labelFile = labels ? join(labels, `${name}.account.json`) : join(sessions, `${name}.expect.json`);
      if (!existsSync(labelFile)) return [];
      const raw = JSON.parse(readFileSync(labelFile, "utf8"));
      const label = accountLabel.parse(labels ? raw : raw.account);
      const transcript = transcriptSchema.parse(JSON.parse(readFileSync(join(sessions, file), "utf8")));
      return [{ set, name, session: transcriptToSnapshot(transcript, { id: name }), label }];
    });
}
