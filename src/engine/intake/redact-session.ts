import { redactSecrets, type SecretKind } from "../../secrets/index.ts";
import type { Transcript } from "../transcript.ts";
import type { SessionSnapshot } from "../types.ts";
import { cleanIncomingText } from "./clean-text.ts";

/**
 * A whole session through the intake at once, for sessions that did not come
 * in message by message: transcript files (CLI `generate`, imports) and data
 * stored by versions before the intake. Messages are scanned in order, so a
 * secret typed with a label is also removed where a later message repeats it.
 */
export class SessionRedactor {
  private readonly known = new Map<string, SecretKind>();

  async text(text: string): Promise<string> {
    const result = await redactSecrets(upgradeLegacyMarkers(cleanIncomingText(text)), { known: this.known });
    for (const [value, kind] of result.found) this.known.set(value, kind);
    return result.text;
  }

  async optional<T extends string | undefined>(text: T): Promise<T> {
    return (text === undefined ? text : await this.text(text)) as T;
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
      summary: await r.optional(session.ticket.summary),
      company: await r.optional(session.ticket.company),
      contact: await r.optional(session.ticket.contact),
    },
    messages,
    resolutionSummary: await r.optional(session.resolutionSummary),
    escalationReason: await r.optional(session.escalationReason),
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
      summary: await r.optional(t.ticket.summary),
      company: await r.optional(t.ticket.company),
      contact: await r.optional(t.ticket.contact),
    },
    messages,
    resolution_summary: await r.optional(t.resolution_summary),
    escalation_reason: await r.optional(t.escalation_reason),
  };
}
