/**
 * The offline recognizer: rules read each clause, the trained model scores
 * every clause in the light of the whole message and the best one decides,
 * and trained slot heads choose the slots from the request clause and the
 * rest of the message. Synchronous, no I/O; ordinary chatter is turned
 * away by a cheap pre-filter before any NLP work.
 */

import { bagScore } from "../ml/bag-score.ts";
import { calibrate } from "../ml/calibration.ts";
import { indicesOf } from "../ml/hashing.ts";
import { type LinearModel, loadModel } from "../ml/linear-model.ts";
import { instancesOf } from "./features.ts";
import type { EditReading } from "./follow-up.ts";
import { isEnglish } from "./language.ts";
import { INTENT_MODEL, SLOT_MODELS } from "./model/intent-model.generated.ts";
import { type NormalizedMessage, normalizeMessage } from "./normalize.ts";
import { mightAskForUpdate } from "./prefilter.ts";
import { type MessageReading, readMessage } from "./reading.ts";
import { showsARequest } from "./request-evidence.ts";
import { chooseSlots, loadSlotModels, type SlotChoice, type SlotModels } from "./slot-model.ts";
import type { IntentResult } from "./types.ts";
import { unfamiliarShare } from "./unfamiliar.ts";

/** The shipped models: the intent model over clause instances, the slot heads over the request. */
export interface IntentModels {
  intent: LinearModel;
  slots: SlotModels;
}

const SHIPPED: IntentModels = { intent: loadModel(INTENT_MODEL), slots: loadSlotModels(SLOT_MODELS) };

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The calibrated probability at which the offline reader writes an update. Above
 * 0.5 because a false trigger in a busy thread costs more than a miss, and a
 * request between REQUEST_THRESHOLD and the uncertain band's floor is not lost:
 * it goes to the LLM, or the bot asks (see recognizer.ts).
 */
export const REQUEST_THRESHOLD = 0.65;

/** Below this probability a message is chatter: silent, never a question (see turn.ts). */
export const ASK_FLOOR = 0.35;

/** How far unfamiliar words pull confidence towards "can't tell" (0.5). */
const UNFAMILIAR_PULL = 0.6;

/** Confidence `c` pulled towards 0.5 by the share of unfamiliar words. */
const tempered = (c: number, unfamiliar: number) => 0.5 + (c - 0.5) * (1 - UNFAMILIAR_PULL * unfamiliar);

/**
 * A result from the calibrated probability that the message asks for a status
 * update, its slots, and the share of unfamiliar words in the request clause.
 * Confidence is in the whole answer: for a request, that the intent and all
 * three slots are right.
 */
export function resultOf(p: number, choice: SlotChoice, unfamiliar = 0): IntentResult {
  if (p < REQUEST_THRESHOLD)
    return {
      intent: "none",
      audience: null,
      length: null,
      context: null,
      confidence: round(tempered(1 - p, unfamiliar)),
      source: "model",
    };
  return {
    intent: "status_update",
    ...choice.slots,
    confidence: round(tempered(p * choice.p, unfamiliar)),
    source: "model",
  };
}

/** Everything the offline reader made of a message: the result, and what the recognizer decides on. */
export interface OfflineReading {
  result: IntentResult;
  /** Calibrated probability that the message asks for an update (0 when turned away, 0.5 in another language). */
  p: number;
  english: boolean;
  /** Share of the request clause's words that are neither domain words nor common English. */
  unfamiliar: number;
  /** The best clause's edit of an update on screen ("make that an email"), if it is one. */
  edit: EditReading | null;
  /**
   * The message asks for something update-like by its form (see request-evidence.ts). Looked for only
   * when the model is unsure (p in [ASK_FLOOR, REQUEST_THRESHOLD)), the one place it decides anything.
   */
  showsARequest: boolean;
}

const NO_SLOTS: SlotChoice = { slots: { audience: null, length: null, context: null }, p: 1 };

export function readNormalized(message: NormalizedMessage, models: IntentModels = SHIPPED): OfflineReading {
  const reading = readMessage(message);
  const { score, best } = bagScore(models.intent, instancesOf(reading).map(indicesOf));
  const p = calibrate(score, models.intent.calibration);
  return offlineReadingOf(reading, best, p, (at) => chooseSlots(models.slots, reading, at));
}

/**
 * The offline reading of a message the model scored: `p` its calibrated probability, `best` the
 * clause that decided, `slotsAt` the slot heads (asked only for a request).
 */
export function offlineReadingOf(
  reading: MessageReading,
  best: number,
  p: number,
  slotsAt: (best: number) => SlotChoice,
): OfflineReading {
  const clause = reading.message.clauses[best];
  const unfamiliar = clause ? unfamiliarShare(clause.words) : 0;
  const rules = reading.rules.readings[best];
  return {
    result: resultOf(p, p < REQUEST_THRESHOLD ? NO_SLOTS : slotsAt(best), unfamiliar),
    p,
    english: true,
    unfamiliar,
    edit: rules?.edit ?? null,
    showsARequest: p >= ASK_FLOOR && p < REQUEST_THRESHOLD && showsARequest(reading, best),
  };
}

export function recognizeNormalized(
  message: NormalizedMessage,
  models: IntentModels = SHIPPED,
): IntentResult {
  return readNormalized(message, models).result;
}

/** The answer for a message the pre-filter turns away (it never reaches the model). */
export const TURNED_AWAY: IntentResult = {
  intent: "none",
  audience: null,
  length: null,
  context: null,
  confidence: 0.99,
  source: "model",
};

/**
 * The answer for a message in another language: the offline reader knows
 * English only, so it never triggers, and its confidence says it cannot tell
 * (the recognizer asks the LLM when one is configured).
 */
export const NOT_ENGLISH: IntentResult = {
  intent: "none",
  audience: null,
  length: null,
  context: null,
  confidence: 0.5,
  source: "model",
};

const NOTHING = { unfamiliar: 0, edit: null, showsARequest: false };

/** The reading of a message that never reaches the model (turned away, or not English), else null. */
export function readingWithoutModel(text: string): OfflineReading | null {
  if (!mightAskForUpdate(text)) return { result: TURNED_AWAY, p: 0, english: true, ...NOTHING };
  if (!isEnglish(text)) return { result: NOT_ENGLISH, p: 0.5, english: false, ...NOTHING };
  return null;
}

/** Reads a message without any network call: the result and what the recognizer decides on. */
export function readOffline(text: string, models: IntentModels = SHIPPED): OfflineReading {
  return readingWithoutModel(text) ?? readNormalized(normalizeMessage(text), models);
}

/** Recognises a status-update request without any network call. */
export function recognizeOffline(text: string, models: IntentModels = SHIPPED): IntentResult {
  return readOffline(text, models).result;
}
