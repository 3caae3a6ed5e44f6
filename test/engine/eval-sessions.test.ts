import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateStatusUpdate } from "../../src/engine/generate.ts";
import { transcriptSchema, transcriptToSnapshot } from "../../src/engine/transcript.ts";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../src/engine/types.ts";
import { longSessionExpectations, makeLongSession } from "../support/long-session.ts";
import {
  assertExpectations,
  countSentences,
  loadSessionCases,
  REPO_ROOT,
  SHARED_EVAL_DIR,
} from "../support/session-expectations.ts";

const suites = [
  { label: "shared eval sessions", dir: join(SHARED_EVAL_DIR, "sessions") },
  { label: "project fixtures", dir: join(REPO_ROOT, "test/engine/fixtures/sessions") },
  // Written by someone who never saw the engine's code or cue lists.
  { label: "held-out sessions", dir: join(REPO_ROOT, "test/engine/fixtures/holdout-sessions") },
];

for (const suite of suites) {
  describe(suite.label, () => {
    const cases = loadSessionCases(suite.dir);
    it("has sessions to check", () => expect(cases.length).toBeGreaterThan(0));

    for (const c of cases) {
      describe(c.name, () => {
        for (const audience of AUDIENCES) {
          for (const length of LENGTHS) {
            it(`${audience} / ${length} meets the expectations`, async () => {
              const result = await generateStatusUpdate(transcriptToSnapshot(c.transcript), {
                audience,
                length,
              });
              assertExpectations(result, c.expect);
              if (length === "quick" && audience !== "ticket_notes") {
                const body =
                  audience === "email_draft"
                    ? result.content.split("\n\n").slice(2, -1).join(" ")
                    : result.content;
                expect(
                  countSentences(body),
                  `quick ${audience} is 1-2 sentences:\n${result.content}`,
                ).toBeLessThanOrEqual(2);
              }
              if (length === "quick" && audience === "ticket_notes") {
                expect(countSentences(result.content), `quick note:\n${result.content}`).toBeLessThanOrEqual(
                  2,
                );
              }
            });
          }
        }

        it("never leaks a secret or client-forbidden term in any context", async () => {
          for (const context of UPDATE_CONTEXTS) {
            for (const audience of AUDIENCES) {
              for (const length of LENGTHS) {
                const result = await generateStatusUpdate(transcriptToSnapshot(c.transcript), {
                  audience,
                  length,
                  context,
                });
                for (const secret of c.expect.secrets) expect(result.content).not.toContain(secret);
                if (audience !== "ticket_notes") {
                  assertExpectations(
                    { ...result, sessionStatus: c.expect.status as never },
                    {
                      ...c.expect,
                      ticket_notes_must_mention: [],
                    },
                  );
                }
              }
            }
          }
        });
      });
    }
  });
}

describe("long generated sessions", () => {
  for (const size of [100, 1_000, 10_000]) {
    it(`${size} messages: every audience and length meets the expectations`, async () => {
      const snapshot = transcriptToSnapshot(
        transcriptSchema.parse(makeLongSession(size, { seed: 3, pauses: 4 })),
      );
      const expectations = longSessionExpectations(size, { seed: 3, pauses: 4 });
      for (const audience of AUDIENCES) {
        for (const length of LENGTHS) {
          assertExpectations(await generateStatusUpdate(snapshot, { audience, length }), expectations);
        }
      }
    });
  }
});
