import { redactSecrets, SessionSecrets } from "../../secrets/index.ts";
import type { Transcript } from "../transcript.ts";
import type { SessionSnapshot } from "../types.ts";
import { workSlices } from "../work-slices.ts";
import { normalizeChatMarkupWith } from "./chat-markup.ts";
import { cleanField } from "./clean-field.ts";
import { cleanIncomingText } from "./clean-text.ts";

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * A whole session through the intake at once, for sessions that did not come
 * in message by message: transcript files (CLI `generate`, imports) and data
 * stored by versions before the intake. Messages are scanned in order, so a
 * secret typed with a label is also removed where a later message repeats it,
 * and a label that ends one message makes the next its value.
 */
export class SessionRedactor {
  // A whole transcript at once: every value found in it is looked for in what follows.
  private readonly secrets = new SessionSecrets(Number.POSITIVE_INFINITY);
  private readonly slice = workSlices();

  async text(text: string): Promise<string> {
    return this.redact(text, false);
  }

  private async redact(text: string, field: boolean): Promise<string> {
    await this.slice();
    const readable = normalizeChatMarkupWith(upgradeLegacyMarkers(cleanIncomingText(text)), NO_NAMES);
    return (await redactSecrets(readable, { session: this.secrets, field })).text;
  }

  async optional<T extends string | undefined>(text: T): Promise<T> {
    return (text === undefined ? text : await this.text(text)) as T;
  }

  /** A one-line field: cleaned as a field (markup, HTML, formulas, AI-directed text), then redacted. */
  async field<T extends string | undefined>(text: T): Promise<T> {
    return (text === undefined ? text : await this.redact(cleanField(text), true)) as T;
  }
}

/**
 * Versions before the markers left "[redacted]" and, redacting twice,
 * "[redacted]]" followed by the rest of a passphrase ("[redacted]] Apple 77"):
 * both become a proper marker, the debris with it.
 */
export function upgradeLegacyMarkers(text: string): string {
  if (!text.includes("[redacted]")) return text;
  return text
    .replace(/\[redacted\]\](?:\s+(?=[^\s,.;]*[\dA-Z])[^\s,.;]+){0,3}/g, "[secret removed]")
    .replace(/\[redacted\]/g, "[secret removed]");
}

export async function redactSnapshot(session: SessionSnapshot): Promise<SessionSnapshot> {
  if (session.secretsRedacted) return session;
  const r = new SessionRedactor();
  const messages = [];
  for (const m of session.messages) messages.push({ ...m, text: await r.text(m.text) });
  return {
    ...session,
    ticket: {
      ...session.ticket,
      summary: await r.field(session.ticket.summary),
      company: await r.field(session.ticket.company),
      contact: await r.field(session.ticket.contact),
    },
    engineer: {
      ...session.engineer,
      name: await r.field(session.engineer.name),
      company: await r.field(session.engineer.company),
    },
    messages,
    resolutionSummary: await r.field(session.resolutionSummary),
    escalationReason: await r.field(session.escalationReason),
    secretsRedacted: true,
  };
}

export async function redactTranscript(t: Transcript): Promise<Transcript> {
  const r = new SessionRedactor();
  const messages = [];
  for (const m of t.messages) messages.push({ ...m, text: await r.text(m.text) });
  return {
    ...t,
    ticket: {
      ...t.ticket,
      summary: await r.field(t.ticket.summary),
      company: await r.field(t.ticket.company),
      contact: await r.field(t.ticket.contact),
    },
    engineer: {
      ...t.engineer,
      name: await r.field(t.engineer.name),
      company: await r.field(t.engineer.company),
    },
    messages,
    resolution_summary: await r.field(t.resolution_summary),
    escalation_reason: await r.field(t.escalation_reason),
  };
}
