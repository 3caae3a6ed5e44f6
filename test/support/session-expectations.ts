import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { type Transcript, transcriptSchema } from "../../src/engine/transcript.ts";
import type { WrittenUpdate } from "../../src/engine/types.ts";

/** What every generated update for a session must satisfy (test/fixtures/shared-eval/README.md). */
export interface SessionExpectations {
  status: string;
  time_spent_minutes: number;
  ticket_notes_must_mention: string[];
  client_greeting: string;
  client_forbidden: string[];
  email_subject_contains: string[];
  email_signoff: string;
  secrets: string[];
}

export interface SessionCase {
  name: string;
  transcript: Transcript;
  expect: SessionExpectations;
}

export { REPO_ROOT, SHARED_EVAL_DIR } from "./eval-dir.ts";

/** Loads every `NAME.json` + `NAME.expect.json` pair of a folder. */
export function loadSessionCases(dir: string): SessionCase[] {
  if (!existsSync(dir)) throw new Error(`session folder not found: ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expect.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, "");
      const transcript = transcriptSchema.parse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      const expectations = JSON.parse(
        readFileSync(join(dir, `${name}.expect.json`), "utf8"),
      ) as SessionExpectations;
      return { name, transcript, expect: expectations };
    });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A forbidden string is "present" if it occurs verbatim, or as a whole word in
 * any letter case (so "Transport" counts for "transport", "ca" counts for
 * "CA", but "can" does not).
 */
export function containsForbidden(text: string, forbidden: string): boolean {
  if (text.includes(forbidden)) return true;
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(forbidden)}(?![A-Za-z0-9])`, "i").test(text);
}

export function assertExpectations(result: WrittenUpdate, e: SessionExpectations): void {
  const { content, audience, length } = result;
  const label = `${audience}/${length}/${result.context}`;
  expect(result.sessionStatus, `${label}: status`).toBe(e.status);
  // The eval format leaves rounding open (test/fixtures/shared-eval/README.md); its checker allows a minute either way.
  expect(
    Math.abs(result.timeSpentMinutes - e.time_spent_minutes),
    `${label}: time spent ${result.timeSpentMinutes}`,
  ).toBeLessThanOrEqual(1);
  for (const secret of e.secrets) expect(content, `${label}: leaks a secret`).not.toContain(secret);
  if (audience === "ticket_notes" && length === "detailed" && result.context === "update") {
    for (const fact of e.ticket_notes_must_mention) {
      expect(content.toLowerCase(), `${label}: must mention "${fact}"`).toContain(fact.toLowerCase());
    }
  }
  if (audience !== "ticket_notes") {
    for (const bad of e.client_forbidden) {
      expect(containsForbidden(content, bad), `${label}: client text contains "${bad}":\n${content}`).toBe(
        false,
      );
    }
    const opening = content.split("\n").find((l) => l.trim() && !l.startsWith("Subject:")) ?? "";
    expect(opening, `${label}: greets the client by name`).toContain(e.client_greeting);
  }
  if (audience === "email_draft") {
    const subject = content.split("\n")[0] ?? "";
    expect(subject).toMatch(/^Subject: /);
    for (const s of e.email_subject_contains) expect(subject, `${label}: subject`).toContain(s);
    const lastLines = content.trim().split("\n").slice(-3).join("\n");
    expect(lastLines, `${label}: sign-off`).toContain(e.email_signoff);
  }
}

/** Sentences in a text, counting "?" and "!" and ignoring dots inside names and numbers. */
export function countSentences(text: string): number {
  return text
    .replace(/^Subject:.*$/m, "")
    .split(/(?<!\b(?:Bros|Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms|St|Jr|Sr)\.)(?:(?<=[.!?])\s+(?=[A-Z])|(?<=[.!?])$)/m)
    .filter((s) => /[A-Za-z]/.test(s)).length;
}
