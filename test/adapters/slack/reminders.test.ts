import { describe, expect, it } from "vitest";
import { freshDataDir } from "../../support/data-dir.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { ENGINEER, startSlackBot } from "./slack-harness.ts";

loopbackOnly();

const text = FakeSlack.textOf;

describe("Slack reminders", () => {
  it("arrive after a restart as a DM to the requester (mentioned, with a button into the flow) and a note in the thread", async () => {
    const fake = await FakeSlack.start();
    const dataDir = await freshDataDir();
    const setAt = Date.now();
    try {
      const first = await startSlackBot({ fake, dataDir, clock: () => new Date(setAt) });
      await first.command("start T-91 Laptop will not join Wi-Fi --client Harbor Dental");
      const header = fake.messages.find((m) => !m.thread_ts && !m.ephemeralTo)!;
      await first.message("Laptop fails 802.1X on the staff SSID since the cert renewal", {
        thread: header.ts,
      });
      await first.message("Re-enrolled the machine certificate, joining now", { thread: header.ts });
      await first.message("quick update for the client", { thread: header.ts });
      await first.command("remind 15");
      expect(text(fake.messages.at(-1)!)).toMatch(/remind/i);
      await first.close();

      const later = await startSlackBot({ fake, dataDir, clock: () => new Date(setAt + 16 * 60_000) });
      try {
        expect(await later.server.fireDueReminders()).toBe(1);
        const dm = fake.messages.find((m) => m.channel === `D${ENGINEER.id}`)!;
        expect(dm.text).toContain(`<@${ENGINEER.id}>`);
        expect(text(dm)).toMatch(/Harbor Dental/);
        const note = fake.messages.filter((m) => m.thread_ts === header.ts).at(-1)!;
        expect(text(note)).toMatch(/Reminder sent to Sam Ortiz/);
        // Fired once: a second check finds nothing due.
        expect(await later.server.fireDueReminders()).toBe(0);
        await later.click(dm, /Write Client Update/);
        const lengths = FakeSlack.buttonsOf(fake.messages.at(-1)!)
          .map((b) => b.text)
          .join();
        expect(lengths).toMatch(/Quick/);
      } finally {
        await later.close();
      }
    } finally {
      await fake.close();
    }
  });
});
