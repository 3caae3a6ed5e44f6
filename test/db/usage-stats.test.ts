import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeUsageStats } from "../../src/db/usage-stats.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";

describe("usage figures (spec: success metrics)", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await createConsoleHarness();
  });
  afterAll(() => h.cleanup());

  it("count adoption over long sessions, time to ticket post and feedback", async () => {
    await h.say("/flowpilot start TKT-1 Email down --client Acme");
    await h.say("No external mail since 8am");
    await h.say("MX records are correct");
    await h.say("quick update for the client");
    await h.choose("👍");
    // A second, long session that never used Share Update.
    await h.prisma.session.create({
      data: {
        accountId: (await h.prisma.account.findFirstOrThrow()).id,
        ticketId: "TKT-2",
        startedAt: new Date(Date.now() - 3_600_000),
        conversationId: "other",
      },
    });
    const update = await h.prisma.sessionStep.findFirstOrThrow({ where: { stepType: "status_update" } });
    const content = update.content as { generated_at: string; delivery: object };
    const postedAt = new Date(Date.parse(content.generated_at) + 3_000).toISOString();
    await h.prisma.sessionStep.update({
      where: { id: update.id },
      data: {
        content: {
          ...content,
          delivery: { ...content.delivery, psa_push_status: "posted", posted_at: postedAt },
        },
      },
    });

    const stats = await computeUsageStats(h.prisma, new Date(Date.now() + 20 * 60_000));
    expect(stats).toMatchObject({
      sessionsOver10Minutes: 2,
      sessionsOver10MinutesWithShareUpdate: 1,
      shareUpdateAdoption: 0.5,
      updatesGenerated: 1,
      updatesPosted: 1,
      secondsToTicketPost: { median: 3, p95: 3 },
      feedback: { up: 1, down: 0 },
    });
  });
});
