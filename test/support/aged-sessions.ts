import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { createReminder } from "../../src/db/reminders.ts";
import { createSession, setStatus } from "../../src/db/sessions.ts";
import { storeStatusUpdate } from "../../src/db/status-updates.ts";
import { appendMessages } from "../../src/db/steps.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";

const DAY_MS = 24 * 60 * 60_000;

/**
 * Sessions of several ages and states for retention tests, `now` being the
 * reference: closed 100 days ago (resolved, with 3 messages, a pause, an
 * update and a reminder; and escalated, in another account), resolved 10
 * days ago, and one still open though started 200 days ago.
 */
export async function seedAgedSessions(prisma: PrismaClient, now = new Date()) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const northstar = (await getOrCreateAccount(prisma, { platform: "api", externalId: "northstar" })).id;
  const harbor = (await getOrCreateAccount(prisma, { platform: "api", externalId: "harbor" })).id;
  const session = async (accountId: string, ticketId: string, startedDaysAgo: number) =>
    (await createSession(prisma, { accountId, ticketId, startedAt: ago(startedDaysAgo) })).id;

  const oldResolved = await session(northstar, "OLD-1", 101);
  await appendMessages(
    prisma,
    oldResolved,
    ["VPN down", "cert expired", "renewed"].map((text) => ({ author: "engineer" as const, text })),
    { at: ago(101) },
  );
  await setStatus(prisma, oldResolved, "paused", { at: ago(101) });
  await setStatus(prisma, oldResolved, "active", { at: ago(101) });
  const update = await storeStatusUpdate(
    prisma,
    oldResolved,
    {
      audience: "ticket_notes",
      length: "quick",
      context: "update",
      generated_content: "Renewed the certificate.",
      session_status: "implementing",
      steps_completed: 1,
      time_spent_minutes: 30,
      generated_at: ago(101).toISOString(),
      writer: "offline",
      message_count: 3,
      delivery: { psa_push_status: "not_posted" },
    },
    { at: ago(101) },
  );
  await createReminder(prisma, oldResolved, {
    remind_at: ago(100),
    audience: "client_update",
    update_step_id: update.id,
  });
  await setStatus(prisma, oldResolved, "resolved", { summary: "Renewed the certificate", at: ago(100) });

  const oldEscalated = await session(harbor, "OLD-2", 100);
  await appendMessages(prisma, oldEscalated, [{ author: "engineer", text: "switch dead" }], { at: ago(100) });
  await setStatus(prisma, oldEscalated, "escalated", { reason: "vendor RMA", at: ago(95) });

  const recentResolved = await session(northstar, "NEW-1", 11);
  await appendMessages(prisma, recentResolved, [{ author: "engineer", text: "printer jam" }], {
    at: ago(11),
  });
  await setStatus(prisma, recentResolved, "resolved", { summary: "Cleared the jam", at: ago(10) });

  const longOpen = await session(northstar, "OPEN-1", 200);
  await appendMessages(prisma, longOpen, [{ author: "engineer", text: "still waiting on the ISP" }], {
    at: ago(200),
  });

  return { oldResolved, oldEscalated, recentResolved, longOpen };
}
