import type { PrismaClient } from "../generated/prisma/client.ts";

/** The spec's success metrics, computed from the session timeline. */
export interface UsageStats {
  sessionsOver10Minutes: number;
  sessionsOver10MinutesWithShareUpdate: number;
  /** Share of sessions longer than 10 minutes that used Share Update (target: 30%+). */
  shareUpdateAdoption: number | null;
  updatesGenerated: number;
  updatesPosted: number;
  /** Seconds from generation to the note being on the ticket (target: under 5 s with Post to Ticket). */
  secondsToTicketPost: { median: number | null; p95: number | null };
  feedback: { up: number; down: number };
}

const percentileOf = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function computeUsageStats(prisma: PrismaClient, now: Date = new Date()): Promise<UsageStats> {
  const sessions = await prisma.$queryRaw<Array<{ id: string; long: boolean; shared: boolean }>>`
    SELECT s.id,
           (COALESCE(s.ended_at, ${now}) - s.started_at) > interval '10 minutes' AS long,
           EXISTS (SELECT 1 FROM session_steps st
                    WHERE st.session_id = s.id AND st.step_type = 'status_update'
                      AND st.content->>'context' = 'update') AS shared
      FROM sessions s`;
  const long = sessions.filter((s) => s.long);
  const withShare = long.filter((s) => s.shared).length;
  const updates = await prisma.$queryRaw<
    Array<{ generated_at: string; posted_at: string | null; feedback: string | null }>
  >`
    SELECT content->>'generated_at' AS generated_at,
           content->'delivery'->>'posted_at' AS posted_at,
           content->>'feedback' AS feedback
      FROM session_steps WHERE step_type = 'status_update'`;
  const postDelays = updates
    .filter((u) => u.posted_at)
    .map((u) => (Date.parse(u.posted_at!) - Date.parse(u.generated_at)) / 1000)
    .sort((a, b) => a - b);
  return {
    sessionsOver10Minutes: long.length,
    sessionsOver10MinutesWithShareUpdate: withShare,
    shareUpdateAdoption: long.length > 0 ? withShare / long.length : null,
    updatesGenerated: updates.length,
    updatesPosted: postDelays.length,
    secondsToTicketPost: { median: percentileOf(postDelays, 50), p95: percentileOf(postDelays, 95) },
    feedback: {
      up: updates.filter((u) => u.feedback === "up").length,
      down: updates.filter((u) => u.feedback === "down").length,
    },
  };
}
