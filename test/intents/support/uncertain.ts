import { DEFAULT_UNCERTAIN_BAND, readOffline } from "../../../src/intents/index.ts";
import { offlineTurn } from "../../../src/intents/turn.ts";

/** Suggestions and half-requests: the calibrated model should be unsure of some of them. */
const HEDGED = [
  "a recap might help",
  "an update for the client would be good",
  "client might need something",
  "maybe a note for the ticket",
  "recap maybe?",
  "we owe the client something",
  "thoughts for the ticket?",
  "a note for the ticket maybe",
  "something for the client maybe",
  "probably time for the customer to hear from us",
  "time for a client update I guess",
  "summary would be nice",
  "the ticket could use a note",
  "a quick word to the client",
  "might be worth a recap",
  "client could probably use a heads up",
  "ticket note at some point",
  "maybe recap this",
  "guess the owner wants to hear something",
  "should probably write something up",
];

/** The first hedged phrase the offline recognizer puts in the uncertain band with this intent. */
export function uncertainPhrase(intent: "status_update" | "none"): string {
  const [low, high] = DEFAULT_UNCERTAIN_BAND;
  const found = HEDGED.find((text) => {
    const { result, p } = readOffline(text);
    return result.intent === intent && p >= low && p < high;
  });
  if (!found)
    throw new Error(`no hedged phrase is uncertain with intent ${intent}: the model lost its middle band`);
  return found;
}

/** The first hedged phrase the offline recognizer answers with a clarifying question. */
export function clarifyingPhrase(): string {
  const found = HEDGED.find((text) => offlineTurn(readOffline(text), null).kind === "clarify");
  if (!found) throw new Error("no hedged phrase gets a clarifying question: the model lost its middle band");
  return found;
}
