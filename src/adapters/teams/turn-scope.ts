import { AsyncLocalStorage } from "node:async_hooks";
import type { AdaptiveCard } from "./render.ts";

/**
 * One HTTP request from Teams while it is being answered. An
 * `adaptiveCard/action` invoke is answered with the card that replaces the
 * one whose button was pressed: the surface's first update of that message
 * during the action becomes the answer (`replacement`). Work that goes on
 * after the answer (an update being written) inherits this scope, so it is
 * marked `open: false` when the handler returns; updates of the pressed
 * card then wait for `answered` so the connector's update never lands
 * before the invoke's answer, which would put the older card back.
 */
export interface TurnScope {
  /** The message whose button was pressed (an invoke's replyToId). */
  sourceId?: string;
  open: boolean;
  replacement?: AdaptiveCard;
  answered: Promise<void>;
  markAnswered(): void;
}

const storage = new AsyncLocalStorage<TurnScope>();

export function newTurnScope(): TurnScope {
  let markAnswered!: () => void;
  const answered = new Promise<void>((resolve) => {
    markAnswered = resolve;
  });
  return { open: true, answered, markAnswered };
}

export const runInTurn = <T>(scope: TurnScope, work: () => Promise<T>): Promise<T> =>
  storage.run(scope, work);

export const currentTurn = (): TurnScope | undefined => storage.getStore();

/**
 * The last card posted or put in each message, so an invoke that does not
 * replace its card can answer with the card as it is. Bounded: an older
 * message's invoke is answered with a short message instead.
 */
export class CardMemory {
  private readonly cards = new Map<string, AdaptiveCard>();
  constructor(private readonly max = 500) {}
  remember(messageId: string, card: AdaptiveCard) {
    this.cards.delete(messageId);
    this.cards.set(messageId, card);
    if (this.cards.size > this.max) this.cards.delete(this.cards.keys().next().value!);
  }
  recall(messageId: string): AdaptiveCard | undefined {
    return this.cards.get(messageId);
  }
}
