import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MESSAGE_AUTHORS, SESSION_STATUSES, type SessionSnapshot } from "./types.ts";

/**
 * The session transcript format (test/fixtures/shared-eval/README.md): how a session is
 * imported from a file by the CLI and the tests.
 */
const isoDate = z.iso.datetime({ offset: true });

export const transcriptSchema = z.object({
  ticket: z
    .object({
      id: z.union([z.string(), z.number()]).transform(String).optional(),
      summary: z.string().optional(),
      company: z.string().optional(),
      contact: z.string().optional(),
    })
    .default({}),
  engineer: z.object({ name: z.string().optional(), company: z.string().optional() }).default({}),
  status: z.enum(SESSION_STATUSES).default("active"),
  started_at: isoDate,
  now: isoDate.optional(),
  pauses: z.array(z.object({ from: isoDate, to: isoDate.nullable().optional() })).default([]),
  resolution_summary: z.string().optional(),
  escalation_reason: z.string().optional(),
  messages: z.array(
    z.object({
      at: isoDate,
      author: z.enum(MESSAGE_AUTHORS),
      text: z.string(),
    }),
  ),
});

export type Transcript = z.infer<typeof transcriptSchema>;

/** Turns a validated transcript into the engine's snapshot. `now` defaults to the transcript's clock, else the wall clock. */
export function transcriptToSnapshot(
  t: Transcript,
  options: { id?: string; now?: Date } = {},
): SessionSnapshot {
  return {
    id: options.id ?? randomUUID(),
    ticket: { ...t.ticket },
    engineer: { ...t.engineer },
    status: t.status,
    startedAt: new Date(t.started_at),
    now: options.now ?? (t.now ? new Date(t.now) : new Date()),
    pauses: t.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    resolutionSummary: t.resolution_summary,
    escalationReason: t.escalation_reason,
    messages: t.messages
      .map((m) => ({ at: new Date(m.at), author: m.author, text: m.text }))
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
    previousUpdates: [],
  };
}
