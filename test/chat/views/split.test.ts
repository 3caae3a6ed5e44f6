import { describe, expect, it } from "vitest";
import { rejoin, splitText } from "../../../src/chat/views/split.ts";

describe("splitText", () => {
  it("keeps short text whole", () => {
    expect(splitText("a\nb", 10)).toEqual([{ text: "a\nb", separator: "" }]);
  });

  it("splits on line boundaries first", () => {
    const chunks = splitText("aaaa\nbbbb\ncccc", 9);
    expect(chunks.map((c) => c.text)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(rejoin(chunks)).toBe("aaaa\nbbbb\ncccc");
  });

  it("splits an over-long line at spaces, then a word by characters, losing nothing", () => {
    const text = `intro\n${"word ".repeat(30).trim()}\n${"x".repeat(25)}\nend`;
    const chunks = splitText(text, 12);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(12);
    expect(rejoin(chunks)).toBe(text);
  });

  it("keeps runs of spaces and blank lines", () => {
    const text = "a  b   c\n\n\nd    e";
    const chunks = splitText(text, 3);
    expect(rejoin(chunks)).toBe(text);
  });

  it("measures with the renderer's own measure (escaping grows text)", () => {
    const escaped = (s: string) => s.replace(/&/g, "&amp;").length;
    const chunks = splitText("&&&&\n&&&&\n&&&&", 20, escaped);
    for (const c of chunks) expect(escaped(c.text)).toBeLessThanOrEqual(20);
    expect(chunks).toHaveLength(3);
  });

  it("splits a 20,000-character update into chunks under the limit that rejoin exactly", () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `- Step ${i}: checked ${"the relay ".repeat(i % 7)}and moved on`,
    );
    const text = lines.join("\n").padEnd(20_000, ".");
    const chunks = splitText(text, 3000);
    expect(chunks.length).toBeGreaterThanOrEqual(7);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(3000);
    expect(rejoin(chunks)).toBe(text);
  });
});
