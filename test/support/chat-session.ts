import { transcriptSchema, transcriptToSnapshot } from "../../src/engine/transcript.ts";
import type { SessionSnapshot, SessionStatus } from "../../src/engine/types.ts";

/**
 * A session from lines of chat, one engineer message per line (a line
 * starting "assistant: " or "client: " is from them), a minute apart.
 */
export function chatSession(
  lines: readonly string[],
  options: {
    status?: SessionStatus;
    ticket?: Record<string, string>;
    resolution?: string;
    escalation?: string;
  } = {},
): SessionSnapshot {
  const start = Date.parse("2026-05-04T09:00:00Z");
  const at = (i: number) => new Date(start + i * 60_000).toISOString();
  return transcriptToSnapshot(
    transcriptSchema.parse({
      ticket: options.ticket ?? { id: "T-1001", summary: "Printer offline", company: "Harbor Dental" },
      engineer: { name: "Sam Ortiz", company: "Northwind IT" },
      status: options.status ?? "active",
      started_at: at(0),
      now: at(lines.length + 1),
      resolution_summary: options.resolution,
      escalation_reason: options.escalation,
      messages: lines.map((line, i) => {
        const m = /^(assistant|client): (.*)$/s.exec(line);
        return { at: at(i + 1), author: m ? m[1] : "engineer", text: m ? m[2] : line };
      }),
    }),
  );
}
