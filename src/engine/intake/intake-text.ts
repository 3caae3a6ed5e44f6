import { redactSecrets, SessionSecrets } from "../../secrets/index.ts";
import { normalizeChatMarkupWith } from "./chat-markup.ts";
import { cleanField } from "./clean-field.ts";
import { cleanIncomingText } from "./clean-text.ts";

/**
 * Every text that enters FlowPilot goes through here before anything stores,
 * shows, logs or sends it: chat and console messages, commands and button
 * input, REST fields, resolution and escalation summaries, ticket fields from
 * the PSA. Control characters go, and secrets become markers naming their kind.
 */

/** Sessions whose secrets this process remembers. */
const MAX_SESSIONS = 2_000;

/**
 * What the detector remembers of each recent session, in memory only (never
 * stored): a password typed once with a label is also removed when it comes
 * back bare ("tried Tr0ub4dor&3 on the second firewall too"), and a message
 * that ends with a label ("temp password for jsmith:") makes the next one its
 * value when that message is nothing but a value.
 */
const sessions = new Map<string, SessionSecrets>();

function sessionSecrets(sessionId: string): SessionSecrets {
  const secrets = sessions.get(sessionId) ?? new SessionSecrets();
  sessions.delete(sessionId);
  sessions.set(sessionId, secrets);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  return secrets;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Cleans and redacts one incoming text; with a session, also removes that
 * session's known secrets. Chat markup left in it (a REST client posting
 * Slack text) is normalised; adapters resolve names before this.
 */
export async function intakeText(text: string, sessionId?: string): Promise<string> {
  return intake(text, sessionId, false);
}

async function intake(text: string, sessionId: string | undefined, field: boolean): Promise<string> {
  const session = sessionId ? sessionSecrets(sessionId) : undefined;
  const readable = normalizeChatMarkupWith(cleanIncomingText(text), NO_NAMES);
  return (await redactSecrets(readable, { session, field })).text;
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
  return (await intake(cleanField(text), sessionId, true)) as T;
}
