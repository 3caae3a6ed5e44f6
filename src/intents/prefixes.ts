/**
 * Openings of a request, with how strongly each one asks: "can you ...",
 * "I need ...", "let's ..." ask; "we should ..." suggests; "should we ...?"
 * wonders; "I'll ..." announces the engineer's own plan.
 */

export interface RequestPrefix {
  pattern: RegExp;
  /** Multiplies the frame's probability. */
  p: number;
  /** How the opening asks: a model feature ("I'll draft the email tomorrow" announces, it does not ask). */
  kind: "ask" | "suggest" | "wonder" | "announce" | "bare";
}

/** Longest first, so "i need to" wins over "i need". */
const byLength = (...parts: string[]) => `(?:${[...parts].sort((a, b) => b.length - a.length).join("|")})`;

const POLITE = "(?: please| pls| kindly| quickly| just| maybe| also| now)*";

const ASK = byLength(
  "can you",
  "could you",
  "would you",
  "will you",
  "can u",
  "would you mind",
  "do you mind",
  "mind",
  "can we",
  "could we",
  "can i",
  "could i",
  "may i",
  "might i",
  "is it possible to",
  "any chance (?:you could|of|we could|i could)",
  "i need you to",
  "i want you to",
  "need you to",
  "i would like you to",
  "i would like to",
  "i would like",
  "i would love",
  "i would love to",
  "would love",
  "i need",
  "i want",
  "i want to",
  "need",
  "we need",
  "we will need",
  "i will need",
  "i am going to need",
  "we are going to need",
  "going to need",
  "i could use",
  "could use",
  "could i have",
  "go ahead and",
  "help me",
  "time to",
  "time for",
  "let us",
  "i have to",
  "i need to",
  "we need to",
  "need to",
  "we have to",
  "have to",
  "i got to",
  "got to",
  "we got to",
  "i must",
  "we must",
  "it would be great if you could",
  "would be great if you could",
  "it would help if you could",
  "care to",
  "you can",
  "you could",
  "lemme",
  "let me",
  "try and",
  "try to",
  "how about",
  "what about",
);
const SUGGEST = byLength(
  "we should",
  "i should",
  "we ought to",
  "i ought to",
  "maybe we should",
  "probably should",
  "we should probably",
  "i should probably",
  "i think we should",
  "i think we need to",
  "we probably need to",
  "might be worth",
  "might be good to",
  "it is probably time to",
  "probably time to",
);
const WONDER = byLength(
  "should we",
  "should i",
  "do we need to",
  "do i need to",
  "shall we",
  "shall i",
  "is it time to",
  "are we going to",
  "do we want to",
  "do you want me to",
  "want me to",
);
const ANNOUNCE = byLength(
  "i will",
  "we will",
  "i am going to",
  "we are going to",
  "i am about to",
  "we are about to",
  "about to",
  "i was going to",
  "i was about to",
  "going to",
  "i am gonna",
  "will",
  "i plan to",
  "i am planning to",
);

const build = (source: string, p: number, kind: RequestPrefix["kind"]): RequestPrefix => ({
  pattern: new RegExp(`^ (?:${source})${POLITE}(?= )`),
  p,
  kind,
});

/** Tried in order; the empty prefix (an imperative or a bare phrase) comes last. */
export const PREFIXES: RequestPrefix[] = [
  build(ASK, 1, "ask"),
  build(SUGGEST, 0.65, "suggest"),
  build(WONDER, 0.48, "wonder"),
  build(ANNOUNCE, 0.35, "announce"),
  { pattern: /^(?= )/, p: 1, kind: "bare" },
];
