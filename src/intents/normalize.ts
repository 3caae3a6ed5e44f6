import nlp from "compromise/one";
import { NOT_NAMES } from "./lexicon.ts";
import { correctTypo } from "./typos.ts";

/** One clause of a message in the normalised form the rules match against. */
export interface Clause {
  /** Normalised words: lower case, contractions expanded, typos fixed, names as `_name_`. */
  words: string[];
  /** The words joined and padded with a space on each side, for whole-word regexes. */
  text: string;
  /** The clause ended with a colon: a label ("Update: server is back") or an introduction of quoted words. */
  endsWithColon: boolean;
  isQuestion: boolean;
  /** Someone else's words ("the client wrote: ..."), never a request to the bot. */
  quoted: boolean;
}

export interface NormalizedMessage {
  clauses: Clause[];
  /** A stable key for caching: the normalised clauses. */
  key: string;
}

/** compromise terms carry the expansion of a contraction in `implicit`. */
interface CompromiseTerm {
  text: string;
  normal: string;
  post: string;
  implicit?: string;
}

/** Requests are short: longer messages (pasted logs) are read up to here, which also bounds regex work. */
const MAX_CHARS = 2000;
const MAX_CLAUSE_WORDS = 40;

/** Contractions compromise leaves alone because they are ambiguous in general, but not here. */
const CONTRACTIONS: Record<string, string> = {
  "it's": "it is",
  "that's": "that is",
  "what's": "what is",
  "where's": "where is",
  "there's": "there is",
  "here's": "here is",
  "who's": "who is",
  "how's": "how is",
  "he's": "he is",
  "she's": "she is",
  "let's": "let us",
  lets: "let us",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  cant: "can not",
  cannot: "can not",
  wont: "will not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  shouldnt: "should not",
  wouldnt: "would not",
  couldnt: "could not",
  havent: "have not",
  hasnt: "has not",
  im: "i am",
  ive: "i have",
  "i'd": "i would",
  "we'd": "we would",
  "you'd": "you would",
  whats: "what is",
  wheres: "where is",
  thats: "that is",
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  thx: "thanks",
  msg: "message",
  cust: "customer",
  cx: "customer",
  tkt: "ticket",
  tix: "ticket",
  updt: "update",
  upd: "update",
  smth: "something",
  smthg: "something",
  sth: "something",
  stg: "something",
  wat: "what",
  wut: "what",
  n: "and",
  bc: "because",
  cuz: "because",
  coz: "because",
  abt: "about",
  rn: "right now",
  mgr: "manager",
  ppl: "people",
  tmrw: "tomorrow",
  yday: "yesterday",
  convo: "conversation",
};

const REPORTING_VERB =
  /\b(?:said|says|say|wrote|writes|asked|asks|replied|replies|emailed|texted|messaged|mentioned|told (?:us|me)|complained)\b/;

/**
 * Chat markup that carries no request: code blocks and inline code, quoted
 * lines ("> client: can you send an update?"), Slack `<@U123>`, `@FlowPilot`,
 * Teams `<at>..</at>`, links, emoji.
 */
function stripMarkup(text: string): string {
  return (
    text
      .replace(/```[\s\S]*?(?:```|$)/g, " , ")
      .replace(/`[^`\n]*`/g, " code ")
      .replace(/^\s*(?:>|&gt;).*$/gm, " ")
      .replace(/<at>[^<]*<\/at>/gi, " ")
      .replace(/<[@!#][^>]*>/g, " ")
      .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/gi, " $1 ")
      .replace(/<(?:https?|mailto):[^>]*>/gi, " link ")
      .replace(/https?:\/\/\S+/gi, " link ")
      .replace(/(^|[\s(])@[\w.-]+/g, "$1 ")
      // Emoji, shortcodes and emoticons sit between clauses: "fixed 🎉 short update for the client".
      .replace(/\s*:[a-z0-9_+-]+:\s*/gi, ", ")
      .replace(
        /\s*(?:(?:\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}])(?:\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]|\p{Extended_Pictographic})*\s*)+/gu,
        ", ",
      )
      .replace(/(^|\s)(?:[:;=8xX][-'^]?[)(\][dDpPoO3/\\|*]+|<3|\^\^|\^_\^|o\/)(?=\s|$)/g, ", ")
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[*_~]+/g, " ")
      .replace(/\be-mails?\b/gi, (m) => (m.toLowerCase().endsWith("s") ? "emails" : "email"))
      .replace(/\btl\s*;\s*dr\b|\btl\s*dr\b/gi, "tldr")
      .replace(/\bw\/o(?=\s)/gi, "without")
      .replace(/\bw\/(?=\s|\w)/gi, "with ")
      .replace(/\bb\/c\b/gi, "because")
      .replace(/\b(incl|approx|etc|vs|esp|eg|ie)\./gi, "$1")
      .replace(/\bre:/gi, "re ")
  );
}

/** Drops words quoted after a reporting verb: `the client wrote "please send an update"`. */
function dropReportedQuotes(text: string): string {
  return text.replace(
    /\b(said|says|wrote|writes|asked|asks|replied|emailed|texted|messaged|mentioned)\b([:,]?\s*)"[^"]*"/gi,
    "$1 something",
  );
}

function cleanWord(word: string): string[] {
  const lower = word.toLowerCase();
  const expanded = CONTRACTIONS[lower];
  if (expanded) return expanded.split(" ");
  const bare = lower
    .replace(/'s$/, "")
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "");
  if (!bare) return [];
  const again = CONTRACTIONS[bare];
  return again ? again.split(" ") : [bare];
}

function looksLikeName(text: string, indexInSentence: number, titleCase: boolean): boolean {
  if (indexInSentence === 0 || titleCase) return false;
  if (!/^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/.test(text)) return false;
  return !NOT_NAMES.has(text.toLowerCase());
}

function endsClause(post: string): { ends: boolean; colon: boolean; question: boolean } {
  const colon = post.includes(":");
  const question = post.includes("?");
  const ends = /[,;:!?.)(]|\s-+\s|\s-+$|[—–]|\.\.\./.test(post) || post.includes("\n");
  return { ends, colon, question };
}

/**
 * Normalises one chat message into clauses: markup and mentions removed,
 * lower case, contractions expanded (compromise), punctuation dropped,
 * common typos fixed, clause boundaries at sentence ends, commas, colons and dashes.
 */
export function normalizeMessage(text: string): NormalizedMessage {
  const cleaned = dropReportedQuotes(stripMarkup(text.slice(0, MAX_CHARS)));
  const doc = nlp.tokenize(cleaned);
  const clauses: Clause[] = [];
  let quotedFromHere = false;
  for (const sentence of doc.docs as unknown as CompromiseTerm[][]) {
    const capitalised = sentence.filter((t) => /^[A-Z]/.test(t.text)).length;
    const titleCase = sentence.length >= 3 && capitalised / sentence.length > 0.6;
    let words: string[] = [];
    const flush = (colon: boolean, question: boolean) => {
      if (words.length === 0) return;
      if (words.length > MAX_CLAUSE_WORDS) words = words.slice(0, MAX_CLAUSE_WORDS);
      const clause: Clause = {
        words,
        text: ` ${words.join(" ")} `,
        endsWithColon: colon,
        isQuestion: question,
        quoted: quotedFromHere,
      };
      clauses.push(clause);
      if (colon && REPORTING_VERB.test(clause.text)) quotedFromHere = true;
      words = [];
    };
    sentence.forEach((term, index) => {
      const source = term.implicit || term.normal || term.text;
      if (term.text && looksLikeName(term.text, index, titleCase)) {
        words.push("_name_");
      } else {
        for (const word of cleanWord(source)) words.push(...correctTypo(word));
      }
      // "but" starts a new clause: "hold off on the client update but write the ticket note".
      const next = sentence[index + 1];
      const boundary = endsClause(term.post);
      if (boundary.ends) flush(boundary.colon, boundary.question);
      else if (next && next.normal === "but") flush(false, false);
    });
    flush(false, false);
  }
  return { clauses, key: clauses.map((c) => c.words.join(" ")).join(" | ") };
}
