import { type ClauseReading, readAnaphora, readClause } from "./frames.ts";
import type { NormalizedMessage } from "./normalize.ts";
import { detectContext, detectLength, resolveAudience } from "./slots.ts";
import type { IntentResult, UpdateSlots } from "./types.ts";

const EMPTY_SLOTS: UpdateSlots = { audience: null, length: null, context: null };

/** Clauses that only add slots to a request next to them: "keep it short", "for the client", "detailed". */
const SLOT_ONLY =
  /^ (?:(?:and |just |but |ok )*(?:(?:keep|make) it |in |with |nothing |not too |as an? |for |to |it is for |this is for |that is for |its for |(?:the )?(?:short|long|full|quick) version|no )?(?:briefly|in brief|in short|in detail|in full|short|brief|quick|tight|simple|detailed|thorough|long|full|in depth|concise|detail|depth|full detail|all the details|details|fancy|jargon|plain english|non technical|nontechnical|technical|professional|friendly|formal|casual|couple of sentences|few sentences|few lines|one liner|oneliner|tldr|(?:the )?(?:client|customer|ticket|psa|end user|user|_name_)|(?:an? )?(?:email|email draft|ticket note|client update|internal note)|version|one|please|thanks|asap))+ $/;

/** "quick heads up, I'm restarting the switch": a bare, unaddressed label before the engineer's own news. */
const FIRST_PERSON_NEWS =
  /^ (?:i am|i have|i will|i just|we are|we have|we will|we just|just|i|we) (?!need|want|would|should|could|must|got to|have to)\w+/;
const ADDRESSED = / (?:for|to|into|in) | (?:client|customer|ticket|psa|email|user|_name_) /;
function announces(clause: string, next: string | undefined): boolean {
  if (!next || ADDRESSED.test(clause) || clause.trim().split(" ").length > 4) return false;
  return FIRST_PERSON_NEWS.test(next);
}

/** Probability -> result, with confidence in the returned intent. */
function toResult(p: number, slots: UpdateSlots): IntentResult {
  const intent = p >= 0.5 ? "status_update" : "none";
  const confidence = Math.round((intent === "status_update" ? p : 1 - p) * 100) / 100;
  return { intent, ...(intent === "status_update" ? slots : EMPTY_SLOTS), confidence, source: "model" };
}

/** What the rules made of a message: each clause's reading and their verdict. */
export interface RulesReading {
  readings: ClauseReading[];
  result: IntentResult;
}

/** Rules over an already normalised message (the recognizer normalises once and reuses it). */
export function readByRules(message: NormalizedMessage): RulesReading {
  const readings = readClauses(message);
  return { readings, result: verdictOf(message, readings) };
}

function readClauses(message: NormalizedMessage): ClauseReading[] {
  const { clauses } = message;
  const readings: ClauseReading[] = clauses.map((clause, i) => {
    if (clause.quoted) return { kind: "chatter", p: 0.05, cues: [], lengthText: "" };
    const following = clauses.slice(i + 1);
    const isLabel =
      (clause.endsWithColon && following.some((c) => !SLOT_ONLY.test(c.text))) ||
      announces(clause.text, following[0]?.text);
    return readClause(clause.text, {
      isLabel,
      hasMoreClauses: following.length > 0,
      isQuestion: clause.isQuestion,
    });
  });
  resolveAnaphora(message, readings);
  return readings;
}

function verdictOf(message: NormalizedMessage, readings: ClauseReading[]): IntentResult {
  const { clauses } = message;
  const requests = readings.filter((r) => r.kind === "request");
  if (requests.length === 0) {
    const maybe = readings.filter((r) => r.kind === "maybe");
    if (readings.some((r) => r.kind === "negated")) return toResult(0.03, EMPTY_SLOTS);
    const p = maybe.length > 0 ? Math.max(...maybe.map((r) => r.p)) : 0.05;
    return toResult(p, EMPTY_SLOTS);
  }
  const best = Math.max(...requests.map((r) => r.p));
  // Slots: audience and length from the request clauses and the slot-only clauses beside them;
  // context from every clause that is neither negated nor quoted ("it's working now, tell the client").
  const slotClauses = clauses.filter(
    (c, i) => readings[i]!.kind === "chatter" && !c.quoted && SLOT_ONLY.test(c.text),
  );
  const slotCues = slotClauses.flatMap((c) => readClauseCues(c.text));
  const audience = resolveAudience([...requests.flatMap((r) => r.cues), ...slotCues]);
  const lengthText = [...requests.map((r) => r.lengthText), ...slotClauses.map((c) => c.text)].join(" ");
  const contextText = clauses
    .filter((c, i) => !c.quoted && readings[i]!.kind !== "negated")
    .map((c) => c.text)
    .join(" , ");
  const slots: UpdateSlots = {
    audience,
    length: detectLength(lengthText),
    context: detectContext(contextText),
  };
  const stated = (slots.audience ? 1 : 0) + (slots.length ? 1 : 0);
  return toResult(Math.min(0.98, best + stated * 0.02), slots);
}

/** "the client needs an update, can you write one": the pronoun's clause becomes the request. */
function resolveAnaphora(message: NormalizedMessage, readings: ClauseReading[]): void {
  if (readings.some((r) => r.kind === "request" || r.kind === "negated")) return;
  message.clauses.forEach((clause, i) => {
    if (i === 0 || clause.quoted || readings[i]!.kind !== "chatter") return;
    const antecedent = message.clauses
      .slice(0, i)
      .filter((c) => !c.quoted)
      .map((c) => c.text)
      .join(" ");
    const reading = readAnaphora(clause.text, antecedent);
    if (reading) readings[i] = reading;
  });
}

/** Audience words in a slot-only clause ("status update, for the customer" / "..., email please"). */
function readClauseCues(text: string) {
  const cues: { audience: "email_draft" | "client_update" | "ticket_notes"; role: "email" | "target" }[] = [];
  if (/ (?:email|email draft) /.test(text)) cues.push({ audience: "email_draft", role: "email" });
  if (/ (?:client|customer|end user|user|_name_) /.test(text))
    cues.push({ audience: "client_update", role: "target" });
  if (/ (?:ticket|psa|ticket note|internal note) /.test(text))
    cues.push({ audience: "ticket_notes", role: "target" });
  return cues;
}
