import { redactSecrets, type SecretKind } from "../../secrets/index.ts";
import { normalizeChatMarkupWith } from "./chat-markup.ts";
import { cleanField } from "./clean-field.ts";
import { cleanIncomingText } from "./clean-text.ts";

/**
 * Every text that enters FlowPilot goes through here before anything stores,
 * shows, logs or sends it: chat and console messages, commands and button
 * input, REST fields, resolution and escalation summaries, ticket fields from
 * the PSA. Control characters go, and secrets become markers naming their kind.
 */

/** Sessions whose secrets this process remembers, and how many values each. */
const MAX_SESSIONS = 2_000;
const MAX_VALUES = 64;

/**
 * The secret values seen in each recent session, in memory only (never
 * stored): a password typed once with a label is also removed when it comes
 * back bare ("tried Tr0ub4dor&3 on the second firewall too").
 */
const remembered = new Map<string, Map<string, SecretKind>>();

function remember(sessionId: string, found: ReadonlyMap<string, SecretKind>): void {
  if (found.size === 0) return;
  const values = remembered.get(sessionId) ?? new Map<string, SecretKind>();
  remembered.delete(sessionId);
  for (const [value, kind] of found) values.set(value, kind);
  while (values.size > MAX_VALUES) values.delete(values.keys().next().value!);
  remembered.set(sessionId, values);
  while (remembered.size > MAX_SESSIONS) remembered.delete(remembered.keys().next().value!);
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Cleans and redacts one incoming text; with a session, also removes that
 * session's known secrets. Chat markup left in it (a REST client posting
 * Slack text) is normalised; adapters resolve names before this.
 */
export async function intakeText(text: string, sessionId?: string): Promise<string> {
  const known = sessionId ? remembered.get(sessionId) : undefined;
  const result = await redactSecrets(normalizeChatMarkupWith(cleanIncomingText(text), NO_NAMES), { known });
  if (sessionId) remember(sessionId, result.found);
  return result.text;
}

/** The same for an optional field. */
export async function intakeOptional<T extends string | null | undefined>(
  text: T,
  sessionId?: string,
): Promise<T> {
  return (typeof text === "string" ? await intakeText(text, sessionId) : text) as T;
}

/** A one-line field (ticket summary, company, contact, names): cleaned as a field, then redacted. */
export async function intakeField<T extends string | null | undefined>(
  text: T,
  sessionId?: string,
): Promise<T> {
  if (typeof text !== "string") return text;
  return (await intakeText(cleanField(text), sessionId)) as T;
}
