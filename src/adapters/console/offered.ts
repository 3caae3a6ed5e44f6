import type { MessageRef } from "../../chat/types.ts";
import type { ConsoleRender } from "./render.ts";
import type { ConsoleChoice } from "./types.ts";

/** One printed message's choices; `asks`: they answer the question it asks (a picker). */
export interface Offer {
  ref: MessageRef;
  choices: ConsoleChoice[];
  asks: boolean;
}

/** Older messages' choices are forgotten: nothing falls back that far up the screen. */
const KEPT = 20;

/**
 * The numbered choices of every printed message that has any. The console
 * cannot edit what it printed, so a replaced message is printed again below:
 * it then offers the replacement's choices, or none (a picker answered by a
 * confirmation). The live choices are the newest message's that still has
 * any, so a spent picker is never live and the buttons under it come back.
 */
export function createOffers() {
  /** Oldest first, by when the message's current view was printed. */
  const offers = new Map<string, Offer>();
  return {
    /** A view was printed as message `ref` (new, or replacing it). */
    printed(ref: MessageRef, rendered: ConsoleRender): void {
      offers.delete(ref.id);
      if (rendered.choices.length > 0)
        offers.set(ref.id, { ref, choices: rendered.choices, asks: rendered.asks });
      if (offers.size > KEPT) offers.delete(offers.keys().next().value!);
    },
    /** A question was answered: its choices are spent, unless its message already shows something else. */
    answered(offer: Offer): void {
      if (offer.asks && offers.get(offer.ref.id) === offer) offers.delete(offer.ref.id);
    },
    live(): Offer | undefined {
      let newest: Offer | undefined;
      for (const offer of offers.values()) newest = offer;
      return newest;
    },
  };
}
