/**
 * The offline recognizer: rules read each clause, the trained model decides
 * from the rules' reading and the message's words, and the slots are read
 * from the whole message. Synchronous, no I/O; ordinary chatter is turned
 * away by a cheap pre-filter before any NLP work.
 */

import { type LinearModel, loadModel, probability } from "../ml/linear-model.ts";
import { featuresOf } from "./features.ts";
import { INTENT_MODEL } from "./model/intent-model.generated.ts";
import { type NormalizedMessage, normalizeMessage } from "./normalize.ts";
import { mightAskForUpdate } from "./prefilter.ts";
import { type MessageReading, readMessage } from "./reading.ts";
import type { IntentResult } from "./types.ts";

const SHIPPED = loadModel(INTENT_MODEL);

const round = (x: number) => Math.round(x * 100) / 100;

/** A result from the calibrated probability that the message asks for a status update. */
export function resultOf(reading: MessageReading, p: number): IntentResult {
  if (p < 0.5)
    return {
      intent: "none",
      audience: null,
      length: null,
      context: null,
      confidence: round(1 - p),
      source: "model",
    };
  return { intent: "status_update", ...reading.slots, confidence: round(p), source: "model" };
}

export function recognizeNormalized(message: NormalizedMessage, model: LinearModel = SHIPPED): IntentResult {
  const reading = readMessage(message);
  return resultOf(reading, probability(model, featuresOf(reading)));
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

/** Recognises a status-update request without any network call. */
export function recognizeOffline(text: string, model: LinearModel = SHIPPED): IntentResult {
  if (!mightAskForUpdate(text)) return TURNED_AWAY;
  return recognizeNormalized(normalizeMessage(text), model);
}
