/**
 * Slots read from the whole message, every clause that is neither quoted nor
 * negated: "client just wants the gist - quick msg pls" (audience in one
 * clause, length in another), "tier 3 is taking this over, internal note for
 * them" (a pronoun takes the audience of what it points back to).
 */
import {
  CLIENT_READER,
  EMAIL_DELIVERABLE,
  INTERNAL_PARTY,
  INTERNAL_READER,
  PRONOUN,
  TICKET_PLACE,
} from "./audience-words.ts";
import type { NormalizedMessage } from "./normalize.ts";
import type { RulesReading } from "./rules.ts";
import { detectContext, detectLength, detectMessageLength } from "./slots.ts";
import type { Audience, UpdateSlots } from "./types.ts";

/** "party": an internal reader or vendor named as where the work goes; only a pronoun makes it the audience. */
type Mention = { at: number; kind: "client" | "ticket" | "internal" | "party" | "pronoun" };

function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  const scan = (pattern: RegExp, kind: Mention["kind"]) => {
    for (const m of text.matchAll(pattern)) found.push({ at: m.index, kind });
  };
  scan(CLIENT_READER, "client");
  scan(TICKET_PLACE, "ticket");
  scan(INTERNAL_READER, "internal");
  scan(INTERNAL_PARTY, "party");
  scan(PRONOUN, "pronoun");
  return found.sort((a, b) => a.at - b.at);
}

/** A pronoun reads as the nearest reader named before it; with none, as the client. */
function resolvePronouns(found: Mention[]): Mention["kind"][] {
  let last: Mention["kind"] | undefined;
  return found.map((m) => {
    if (m.kind !== "pronoun") {
      last = m.kind;
      return m.kind;
    }
    return last === "party" ? "internal" : (last ?? "client");
  });
}

/** Recipient position: "for the ticket", "to the client", "into cw". */
const RECIPIENT = / (?:for|to|into|in|on) (?:the |our |my |their |this |that )?$/;

function kindsIn(text: string, recipientOnly: boolean): Set<Mention["kind"]> {
  const found = mentions(text);
  const kinds = resolvePronouns(found).filter(
    (_, i) => !recipientOnly || RECIPIENT.test(text.slice(0, found[i]!.at + 1)),
  );
  return new Set(kinds.filter((k) => k !== "party"));
}

function audienceOfKinds(kinds: Set<Mention["kind"]>): Audience | "both" | null {
  const client = kinds.has("client");
  const internal = kinds.has("ticket") || kinds.has("internal");
  if (client && !kinds.has("ticket")) return "client_update";
  if (internal && !client) return "ticket_notes";
  return client ? "both" : null;
}

/**
 * The audience the message names: an email anywhere wins; people at the
 * client make a client update even when a vendor or tier 3 is mentioned (the
 * client hears about the handoff); the ticket, the PSA and internal readers
 * make ticket notes. Client and ticket both named: the rules' reading of the
 * request decides, or the audience stays open.
 */
export function audienceOfMessage(
  text: string,
  requestText: string,
  rulesAudience: Audience | null,
): Audience | null {
  if (EMAIL_DELIVERABLE.test(text)) return "email_draft";
  const whole = audienceOfKinds(kindsIn(text, false));
  if (whole !== "both") return whole ?? rulesAudience;
  // Client and ticket both named ("user's back in, write the resolution note for the ticket"):
  // the request's own clause, then the recipient position, then the rules decide.
  for (const narrowed of [audienceOfKinds(kindsIn(requestText, false)), audienceOfKinds(kindsIn(text, true))])
    if (narrowed && narrowed !== "both") return narrowed;
  return rulesAudience;
}

type Part = "all" | "length" | "requests";

/** Words of the live clauses; for the length, a request clause gives only its own words, not the body it dictates. */
function liveText(message: NormalizedMessage, rules: RulesReading, part: Part): string {
  return message.clauses
    .map((clause, i) => {
      const reading = rules.readings[i]!;
      if (clause.quoted || reading.kind === "negated") return "";
      if (part === "requests" && reading.kind !== "request" && reading.kind !== "maybe") return "";
      if (part === "length" && reading.kind === "request") return reading.lengthText;
      return clause.text;
    })
    .filter((t) => t.trim())
    .join(" , ");
}

/** The slots of a message that asks for an update. */
export function slotsOf(message: NormalizedMessage, rules: RulesReading): UpdateSlots {
  const fromRules = rules.result.intent === "status_update" ? rules.result : null;
  const text = ` ${liveText(message, rules, "all")} `;
  return {
    audience: audienceOfMessage(
      text,
      ` ${liveText(message, rules, "requests")} `,
      fromRules?.audience ?? null,
    ),
    length:
      fromRules?.length ?? detectLength(liveText(message, rules, "length")) ?? detectMessageLength(text),
    context: detectContext(text),
  };
}
