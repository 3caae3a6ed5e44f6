/**
 * The slots of a request, chosen by trained one-vs-rest heads over the slot
 * features (the rule readers' answers among them), with how sure each choice
 * is. Trained by scripts/train-intents.ts with the intent model.
 */
import { indicesOf } from "../ml/hashing.ts";
import type { StoredModel } from "../ml/linear-model.ts";
import { chooseClass, loadSparse, type SparseModel } from "../ml/sparse-model.ts";
import { audienceOfMessage } from "./message-slots.ts";
import type { MessageReading } from "./reading.ts";
import { lastCorrection, slotFeaturesOf } from "./slot-features.ts";
import { detectContext, detectLength } from "./slots.ts";
import type { Audience, Length, UpdateContextKind, UpdateSlots } from "./types.ts";

/** Each slot's values in the order of its heads; null is "not said" (context null: an ordinary update). */
export const SLOT_VALUES = {
  audience: [null, "ticket_notes", "client_update", "email_draft"] as (Audience | null)[],
  length: [null, "quick", "detailed"] as (Length | null)[],
  context: [null, "resolution", "escalation"] as (UpdateContextKind | null)[],
};
export type SlotName = keyof typeof SLOT_VALUES;
export const SLOT_NAMES: readonly SlotName[] = ["audience", "length", "context"];

/** The shipped form: one stored head per value, in SLOT_VALUES order. */
export type StoredSlotModels = Record<SlotName, StoredModel[]>;
export type SlotModels = Record<SlotName, SparseModel[]>;

export function loadSlotModels(stored: StoredSlotModels): SlotModels {
  return {
    audience: stored.audience.map(loadSparse),
    length: stored.length.map(loadSparse),
    context: stored.context.map(loadSparse),
  };
}

export interface SlotChoice {
  slots: UpdateSlots;
  /** Probability that all three slots are right (the product of each choice's share). */
  p: number;
}

/** The slots of a request whose best instance is `best`. */
export function chooseSlots(models: SlotModels, reading: MessageReading, best: number): SlotChoice {
  const indices = indicesOf(slotFeaturesOf(reading, best));
  const audience = chooseClass(models.audience, indices);
  const length = chooseClass(models.length, indices);
  const context = chooseClass(models.context, indices);
  const slots: UpdateSlots = {
    audience: SLOT_VALUES.audience[audience.index]!,
    length: SLOT_VALUES.length[length.index]!,
    context: SLOT_VALUES.context[context.index]!,
  };
  return { slots: corrected(reading, filled(reading, best, slots)), p: audience.p * length.p * context.p };
}

/** Clauses beside the request that may still name its reader or length ("summary of where we are, it is going in the CW ticket"). */
const NEARBY_CLAUSES = 2;

/**
 * A slot the heads leave open is filled from the whole-message reading when
 * the request has only a clause or two beside it: there the other clauses
 * speak about the update; in a long message they are troubleshooting detail.
 */
function filled(reading: MessageReading, best: number, slots: UpdateSlots): UpdateSlots {
  const others = reading.message.clauses.filter((c, i) => i !== best && !c.quoted).length;
  if (others === 0 || others > NEARBY_CLAUSES) return slots;
  return {
    audience: slots.audience ?? reading.slots.audience,
    length: slots.length ?? reading.slots.length,
    context: slots.context,
  };
}

/** A slot the last correction states wins over the heads: "quick client update, sorry, I meant email". */
function corrected(reading: MessageReading, slots: UpdateSlots): UpdateSlots {
  const after = lastCorrection(reading.message.clauses.filter((c) => !c.quoted));
  if (!after) return slots;
  const first = ` ${after.split(" , ")[0]!.trim()} `;
  const audience = audienceOfMessage(first, first, null);
  const length = detectLength(after);
  const context = detectContext(after);
  return {
    audience: audience ?? slots.audience,
    length: length ?? slots.length,
    context:
      context ??
      (/ not (?:resolved|fixed|closed|escalat)| (?:keeping|keep) it\b| normal update/.test(after)
        ? null
        : slots.context),
  };
}
