import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../../../src/engine/writers/llm/parse-answer.ts";

const A = "We found the setting that blocks outside email.";
const B = "We will correct it tonight once you approve.";

describe("parseAnswer: whatever form the model answers in, ids leave the text and stay with their sentences", () => {
  it("reads the schema's JSON, laying sentences out as they ask", () => {
    const parsed = parseAnswer(
      JSON.stringify({
        sentences: [
          { text: "**Status:** Identified", sources: [], followed_by: "line" },
          { text: "- Checked the rule scope", sources: ["m4"], followed_by: "line" },
          { text: A, sources: ["m5", "M7"], followed_by: "paragraph" },
          { text: B, sources: ["m9"], followed_by: "space" },
        ],
      }),
    );
    expect(parsed.text).toBe(`**Status:** Identified\n- Checked the rule scope\n${A}\n\n${B}`);
    expect(parsed.sentences.map((s) => s.ids)).toEqual([[], ["m4"], ["m5", "m7"], ["m9"]]);
  });

  it("reads JSON in a code fence or after a line of prose, and markers the model left inside a sentence", () => {
    const body = JSON.stringify({
      sentences: [{ text: `${A} [m3]`, sources: ["m5"], followed_by: "space" }],
    });
    for (const answer of [`\`\`\`json\n${body}\n\`\`\``, `Here is the update:\n${body}`]) {
      const parsed = parseAnswer(answer);
      expect(parsed.text).toBe(A);
      expect(parsed.sentences).toEqual([{ sentence: A, ids: ["m5", "m3"] }]);
    }
  });

  it("reads a JSON object that holds the text with markers", () => {
    expect(parseAnswer(JSON.stringify({ update: `${A} [m2] ${B} [m9]` }))).toEqual({
      text: `${A} ${B}`,
      sentences: [
        { sentence: A, ids: ["m2"] },
        { sentence: B, ids: ["m9"] },
      ],
    });
  });

  it.each([
    ["square brackets", `${A} [m3, m7]`],
    ["before the full stop", `${A.slice(0, -1)} [m3][m7].`],
    ["parentheses with a semicolon", `${A} (m3; m7)`],
    ["a label and 'and'", `${A} [sources: m3 and m7]`],
    ["full-width brackets", `${A}【m3, m7】`],
  ])("plain text with markers in %s", (_name, answer) => {
    const parsed = parseAnswer(`${answer}\n\n${B} [m9]`);
    expect(parsed.text).toBe(`${A}\n\n${B}`);
    expect(parsed.sentences).toEqual([
      { sentence: A, ids: ["m3", "m7"] },
      { sentence: B, ids: ["m9"] },
    ]);
  });

  it("plain text without markers is kept whole, its sentences without ids", () => {
    const parsed = parseAnswer(`${A}\n\n${B}`);
    expect(parsed.text).toBe(`${A}\n\n${B}`);
    expect(parsed.sentences).toEqual([
      { sentence: A, ids: [] },
      { sentence: B, ids: [] },
    ]);
  });

  it("leaves brackets that are not ids alone", () => {
    const text = "Status: [password removed] was rotated (per policy) and MFA [required] stays on.";
    expect(parseAnswer(text)).toEqual({ text, sentences: [{ sentence: text, ids: [] }] });
  });

  it("a marker after a list cites each of its items", () => {
    const parsed = parseAnswer(
      "Steps:\n- Checked the rule scope\n- Tested one mailbox [m4, m6]\nNext: widen it. [m8]",
    );
    expect(parsed.text).toBe("Steps:\n- Checked the rule scope\n- Tested one mailbox\nNext: widen it.");
    expect(parsed.sentences).toEqual([
      { sentence: "Steps:", ids: ["m4", "m6"] },
      { sentence: "Checked the rule scope", ids: ["m4", "m6"] },
      { sentence: "Tested one mailbox", ids: ["m4", "m6"] },
      { sentence: "Next: widen it.", ids: ["m8"] },
    ]);
  });

  it("a bare JSON answer with nothing readable is empty (the checks then ask for a repair), not shown as text", () => {
    for (const answer of [
      '{"sentences": []}',
      '{"status": "ok"}',
      '```json\n{"sentences": [{"sources": ["m1"]}]}\n```',
    ])
      expect(parseAnswer(answer)).toEqual({ text: "", sentences: [] });
    const prose = 'The sync log shows {"error": "quota"} on every run.';
    expect(parseAnswer(prose).text).toBe(prose);
  });
});
