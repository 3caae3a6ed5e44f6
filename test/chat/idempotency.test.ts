import { afterEach, describe, expect, it } from "vitest";
import { CONSOLE_ACCOUNT, CONSOLE_THREAD } from "../../src/adapters/console/index.ts";
import { claimOnce } from "../../src/db/processed-events.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";
import { DB_KINDS } from "../support/db.ts";

const ACTOR = { platformUserId: "console:test", displayName: "Sam Okafor", isAdmin: true };

describe.each(DB_KINDS)("each event and each update request is handled once, on %s", (kind) => {
  let h: ConsoleHarness;
  afterEach(() => h.cleanup());

  const updateCount = () => h.prisma.sessionStep.count({ where: { stepType: "status_update" } });
  const messageCount = () => h.prisma.sessionStep.count({ where: { stepType: "message" } });

  async function sessionWithWork() {
    h = await createConsoleHarness({ kind });
    await h.say("/flowpilot start TKT-7731 Shared mailbox missing --client Westgate Property");
    await h.say("The accounts@ shared mailbox vanished from Outlook for three users");
    await h.say("Automapping was removed when the mailbox permissions were re-applied yesterday");
  }

  it("a platform's retry of a message (same event id) writes one update, even after a restart", async () => {
    await sessionWithWork();
    const delivery = {
      thread: CONSOLE_THREAD,
      actor: ACTOR,
      text: "quick client update pls",
      isMention: false,
      eventId: "Ev0ABC123",
    };
    await h.conversation().handleMessage(delivery);
    expect(await updateCount()).toBe(1);
    h.advance(10);
    await h.conversation().handleMessage(delivery);
    h.restart();
    await h.conversation().handleMessage(delivery);
    expect(await updateCount()).toBe(1);
    const other = {
      ...delivery,
      eventId: "Ev0ABC124",
      text: "the owner says the mailbox is back for one user",
    };
    await h.conversation().handleMessage(other);
    await h.conversation().handleMessage(other);
    expect(await messageCount()).toBe(3);
  });

  it("a retried button press (same event id) acts once", async () => {
    await sessionWithWork();
    await h.say("status update");
    await h.choose("Ticket Notes");
    const quick = h.choices().find((c) => /Quick/.test(c.label))!;
    await h.press(quick, undefined, { eventId: "trigger-1" });
    h.advance(1);
    await h.press(quick, undefined, { eventId: "trigger-1" });
    expect(await updateCount()).toBe(1);
  });

  it("a double click on a picker produces one update: the debounce is claimed atomically", async () => {
    await sessionWithWork();
    await h.say("status update");
    await h.choose("Client Update");
    const detailed = h.choices().find((c) => /Detailed/.test(c.label))!;
    const before = h.sent.length;
    await Promise.all([h.press(detailed), h.press(detailed), h.press(detailed)]);
    expect(await updateCount()).toBe(1);
    const replies = h.sent.slice(before).map((s) => s.view.text);
    expect(replies.filter((t) => /a moment ago/.test(t))).toHaveLength(2);
    h.advance(1);
    await h.press(detailed);
    expect(await updateCount()).toBe(2);
  });

  it("a claim is exclusive while it lives and can be taken again once it expires", async () => {
    h = await createConsoleHarness({ kind });
    const account = await h.store.ensureAccount(CONSOLE_ACCOUNT);
    const now = new Date("2026-12-01T10:00:00Z");
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => claimOnce(h.prisma, account.id, "event:X1", 60_000, now)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(h.prisma, account.id, "event:X1", 60_000, new Date(now.getTime() + 59_000))).toBe(
      false,
    );
    expect(await claimOnce(h.prisma, account.id, "event:X1", 60_000, new Date(now.getTime() + 60_000))).toBe(
      true,
    );
    expect(await claimOnce(h.prisma, account.id, "event:X2", 60_000, now)).toBe(true);
  });
});
