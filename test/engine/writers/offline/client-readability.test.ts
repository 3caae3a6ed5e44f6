import { join } from "node:path";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../../../src/engine/generate.ts";
import { findClientViolations } from "../../../../src/engine/guardrails/index.ts";
import { CLIENT_TONES, DEFAULT_TEMPLATES } from "../../../../src/engine/templates.ts";
import { transcriptToSnapshot } from "../../../../src/engine/transcript.ts";
import { LENGTHS, UPDATE_CONTEXTS } from "../../../../src/engine/types.ts";
import { loadSessionCases, REPO_ROOT, SHARED_EVAL_DIR } from "../../../support/session-expectations.ts";

const cases = [
  ...loadSessionCases(join(SHARED_EVAL_DIR, "sessions")),
  ...loadSessionCases(join(REPO_ROOT, "test/engine/fixtures/sessions")),
  ...loadSessionCases(join(REPO_ROOT, "test/engine/fixtures/holdout-sessions")),
];

/** The lines of a client text that are prose: not the subject, greeting or sign-off block. */
function proseSentences(content: string): string[] {
  const paragraphs = content.split("\n\n");
  const body = paragraphs.filter(
    (p, i) =>
      !p.startsWith("Subject:") &&
      !(i <= 1 && /^(?:Hi|Hello|Dear)\b[^\n]*,$/.test(p)) &&
      !/^(?:Best regards|Thanks|Kind regards|Regards|Cheers)[,!]?(?:\n|$)/.test(p),
  );
  return body
    .join(" ")
    .split(/(?<!\b(?:Bros|Inc|Ltd|Co|Corp|Dr|Mr|Mrs|Ms|St|Jr|Sr)\.)(?<=[.!?])\s+(?=[A-Z“"])/)
    .filter((s) => s.trim().length > 0);
}

function problemsIn(sentence: string): string[] {
  const problems: string[] = [];
  const doc = nlp(sentence);
  if (!doc.has("#Verb")) problems.push("has no verb");
  if (!/^[A-Z“"]/.test(sentence)) problems.push("does not start with a capital");
  if (!/[.!?:]["”)]?$/.test(sentence)) problems.push("does not end as a sentence");
  if (/\b(?:the|a|an) (?:the|a|an|our|your)\b/i.test(sentence)) problems.push("doubled or dangling article");
  if (/\b(\w+) \1\b/i.test(sentence.replace(/\b(that|had) \1\b/gi, ""))) problems.push("repeated word");
  if (/\s[,.;:]|\(\s*\)|—\s*—|\s{2,}/.test(sentence)) problems.push("broken punctuation");
  if (/\b(?:isn't|not) caused by [^.]*\b(?:either|too)\b/i.test(sentence))
    problems.push("dangling either/too");
  if (findClientViolations(sentence).length > 0) problems.push("technical term or identifier");
  return problems;
}

describe("client text reads as plain sentences", () => {
  for (const c of cases) {
    it(`${c.name}: every sentence of every client update and email parses and is plain`, async () => {
      const failures: string[] = [];
      for (const context of UPDATE_CONTEXTS) {
        for (const audience of ["client_update", "email_draft"] as const) {
          for (const length of LENGTHS) {
            for (const client_tone of CLIENT_TONES) {
              const result = await generateStatusUpdate(
                transcriptToSnapshot(c.transcript),
                { audience, length, context },
                { templates: { ...DEFAULT_TEMPLATES, client_tone } },
              );
              for (const s of proseSentences(result.content)) {
                const problems = problemsIn(s);
                if (problems.length > 0)
                  failures.push(
                    `${context}/${audience}/${length}/${client_tone}: "${s}" ${problems.join(", ")}`,
                  );
              }
            }
          }
        }
      }
      if (process.env.READABILITY_REPORT) {
        const { appendFileSync } = await import("node:fs");
        appendFileSync(process.env.READABILITY_REPORT, failures.map((f) => `${c.name} ${f}\n`).join(""));
      }
      expect(failures.slice(0, 12)).toEqual([]);
    });
  }

  it("the checks catch the defects they describe", () => {
    expect(problemsIn("So far we've checked the our security tools.")).toContain(
      "doubled or dangling article",
    );
    expect(problemsIn("The issue with the … very")).toEqual(expect.arrayContaining(["has no verb"]));
    expect(problemsIn("We've confirmed it isn't caused by server resources or AV either.")).toContain(
      "dangling either/too",
    );
    expect(problemsIn("We checked FW01 at 10.0.0.1.")).toContain("technical term or identifier");
  });
});
