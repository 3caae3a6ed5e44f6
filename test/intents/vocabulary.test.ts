import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGLISH_NEAR_MISSES } from "../../src/intents/english-near-misses.generated.ts";
import { recognizeOffline } from "../../src/intents/index.ts";
import * as lexicon from "../../src/intents/lexicon.ts";
import { mightAskForUpdate } from "../../src/intents/prefilter.ts";
import { correctTypo } from "../../src/intents/typos.ts";
import { DOMAIN_WORDS, PREFILTER_WORDS, TYPO_TARGETS } from "../../src/intents/vocabulary.ts";

const ROOT = join(import.meta.dirname, "../..");

/** "(?:a|b (?:c|d)|e)" -> ["a", "b (?:c|d)", "e"]: alternatives at the group's own level only. */
function topLevelAlternatives(group: string): string[] {
  const inner = group.replace(/^\(\?:/, "").replace(/\)$/, "");
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of inner) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "|" && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  return [...parts, current];
}

describe("one vocabulary for the pre-filter, the grammar, the model and typo correction", () => {
  it("the pre-filter lets through every request word of the vocabulary, alone in a sentence", () => {
    for (const word of PREFILTER_WORDS) expect(mightAskForUpdate(`ok ${word} pls`), word).toBe(true);
    expect(mightAskForUpdate("CW entry pls")).toBe(true);
    expect(mightAskForUpdate("gimme the lowdown")).toBe(true);
  });

  it("every plain word the grammar uses for deliverables, readers and lengths is a vocabulary word", () => {
    const lists = [
      lexicon.STRONG_HEADS,
      lexicon.WEAK_HEADS,
      lexicon.QUICK_WORDS,
      lexicon.DETAILED_WORDS,
      lexicon.TICKET_DEST,
    ];
    const plain = lists.flatMap((alt) => topLevelAlternatives(alt).filter((w) => /^[a-z]+$/.test(w)));
    const missing = plain.filter((w) => !DOMAIN_WORDS.has(w));
    expect(missing).toEqual([]);
  });

  it("the same words read the same everywhere: 'where we're at' and 'where we are at', 'cw' and 'connectwise'", () => {
    const a = recognizeOffline("where we're at, for cw pls");
    const b = recognizeOffline("where we are at, for connectwise please");
    expect(a).toMatchObject({ intent: "status_update", audience: "ticket_notes" });
    expect(b).toMatchObject({ intent: "status_update", audience: "ticket_notes" });
  });
});

describe("typo correction maps unknown tokens to vocabulary words only", () => {
  it("never rewrites a real English word, however close to a keyword", () => {
    for (const word of [
      "shoot",
      "through",
      "interval",
      "resolver",
      "craft",
      "shirt",
      "states",
      "pleased",
      "notice",
    ])
      expect(correctTypo(word), word).toEqual([word]);
    for (const word of ENGLISH_NEAR_MISSES) expect(correctTypo(word), word).toEqual([word]);
  });

  it("fixes tokens that are not words: swapped, dropped and doubled letters, words run together", () => {
    expect(
      ["stauts", "clinet", "tikcet", "udpate", "emial", "fixd", "sumary", "custmer"].map(correctTypo),
    ).toEqual([
      ["status"],
      ["client"],
      ["ticket"],
      ["update"],
      ["email"],
      ["fixed"],
      ["summary"],
      ["customer"],
    ]);
    expect(correctTypo("statusupdate")).toEqual(["status", "update"]);
  });

  it("only corrects towards vocabulary words", () => {
    for (const target of TYPO_TARGETS) expect(DOMAIN_WORDS.has(target)).toBe(true);
  });

  it("a DNS resolver is not a resolution: the context stays an ordinary update", () => {
    const r = recognizeOffline("tell the customer the DNS resolver was misconfigured, still working on it");
    expect(r).toMatchObject({ intent: "status_update", audience: "client_update", context: null });
  });

  it("ships exactly the near-miss list `npm run typo-guard` builds from the word list", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-typo-guard.ts", "--check"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr + run.stdout).toContain("is current");
    expect(run.status).toBe(0);
  });
});
