import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recognizeOffline } from "../../src/intents/index.ts";
import { SHARED_EVAL_DIR } from "../support/session-expectations.ts";
import { describeFailures, loadLabelled, score } from "./support/labelled.ts";

const DEV_SET = join(SHARED_EVAL_DIR, "intents-dev.jsonl");
const FIXTURES = join(import.meta.dirname, "fixtures");

describe("intent accuracy on labelled phrases (rules and model, no LLM)", () => {
  it("meets the acceptance bar on the shared dev set: >= 97% intent, all slots right, no false trigger", () => {
    const rows = loadLabelled(DEV_SET);
    const scores = score(
      rows,
      rows.map((r) => recognizeOffline(r.text)),
    );
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(scores.falseTriggerRate, describeFailures(scores)).toBe(0);
    expect(scores.intentAccuracy, describeFailures(scores)).toBeGreaterThanOrEqual(0.97);
    expect(scores.slotAccuracy, describeFailures(scores)).toBe(1);
  });

  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".jsonl"))) {
    it(`fits the training set ${file} (cross-validated figures are in model.test.ts): >= 95% intent, >= 93% slots, <= 3% false triggers`, () => {
      const rows = loadLabelled(join(FIXTURES, file));
      const scores = score(
        rows,
        rows.map((r) => recognizeOffline(r.text)),
      );
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(scores.intentAccuracy, describeFailures(scores)).toBeGreaterThanOrEqual(0.95);
      expect(scores.slotAccuracy, describeFailures(scores)).toBeGreaterThanOrEqual(0.93);
      expect(scores.falseTriggerRate, describeFailures(scores)).toBeLessThanOrEqual(0.03);
    });
  }
});
