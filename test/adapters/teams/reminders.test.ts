import { afterEach, expect, it, vi } from "vitest";
import { loopbackOnly } from "../../support/loopback-only.ts";
import { cardProblems } from "./support/card-validator.ts";
import { SAM, startTeams } from "./support/teams-harness.ts";

loopbackOnly();

afterEach(() => {
  vi.useRealTimers();
});

it("a reminder arrives after a restart as a proactive message in the session's thread, mentioning the requester, with a button back into the flow", async () => {
  const first = await startTeams();
  const { place } = await first.say("start 48213 VPN down --client Acme", { mention: true });
  await first.say("tunnel drops every 50 minutes, IKE logs show DPD timeouts", { place });
  await first.say("replaced the firewall rule for UDP 4500, testing now", { place });
  await first.say("update quick for the client", { place, mention: true });
  const result = first.latest("Client Update");
  await first.press(result, "Set Reminder");
  await first.press(first.inPersonalChat().at(-1)!, "15 min");
  expect(first.inPersonalChat().at(-1)!.text).toContain("Reminder set: in 15 min");
  await first.stop(false);

  // A new process on the same data folder, a quarter of an hour later: no activity has arrived yet.
  const second = await startTeams({ dataDir: first.dataDir, fake: first.fake, cw: first.cw });
  try {
    first.fake.reset();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    expect(await second.server.fireDueReminders()).toBe(1);
    const reminder = second.latest("time to send Acme another update");
    expect(reminder.conversationId).toBe(
      `19:ops-desk@thread.tacv2;messageid=${(place as { root: string }).root}`,
    );
    expect(reminder.text).toContain("<at>Sam Okafor</at>");
    expect(reminder.text).toContain("Sam Okafor, time to send Acme another update on VPN down");
    expect(reminder.card.msteams.entities).toEqual([
      { type: "mention", text: "<at>Sam Okafor</at>", mentioned: { id: SAM.id, name: "Sam Okafor" } },
    ]);
    expect(reminder.buttons).toEqual(["Write Client Update"]);
    expect(cardProblems(reminder.card)).toEqual([]);
    expect(await second.server.fireDueReminders()).toBe(0);

    await second.press(reminder, "Write Client Update");
    expect(second.latest("How detailed?").conversationId).toBe(reminder.conversationId);
  } finally {
    await second.stop();
  }
});
