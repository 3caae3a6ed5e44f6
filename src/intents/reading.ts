import { slotsOf } from "./message-slots.ts";
import type { NormalizedMessage } from "./normalize.ts";
import { type RulesReading, readByRules } from "./rules.ts";
import type { UpdateSlots } from "./types.ts";

/** Everything read from one message before the model decides: computed once, used by features and result. */
export interface MessageReading {
  message: NormalizedMessage;
  rules: RulesReading;
  /** The slots the whole message names (they are also features: a message naming a reader is about a message). */
  slots: UpdateSlots;
}

export function readMessage(message: NormalizedMessage): MessageReading {
  const rules = readByRules(message);
  return { message, rules, slots: slotsOf(message, rules) };
}
