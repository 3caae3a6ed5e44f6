import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackOnly } from "../../support/loopback-only.ts";
import {
  OTHER_TENANT,
  type Place,
  PRIYA,
  type Shown,
  startTeams,
  type TeamsHarness,
} from "./support/teams-harness.ts";

loopbackOnly();

/**
 * Teams resends what it thinks went unanswered and users double-click: one
 * update and one ticket note whatever arrives twice. Tenants never see each
 * other's sessions.
 */
const inThread = (place: Place) => (s: Shown) =>
  s.conversationId.endsWith(`;messageid=${(place as { root: string }).root}`);

async function sessionWithChatter(t: TeamsHarness): Promise<Place> {
  const { place } = await t.say("start 48213 VPN down --client Acme", { mention: true });
  await t.say("tunnel drops every 50 minutes, IKE logs show DPD timeouts", { place });
  await t.say("replaced the firewall rule for UDP 4500, testing now", { place });
  return place;
}

describe("repeated deliveries", () => {
  let t: TeamsHarness;
  beforeAll(async () => {
    t = await startTeams();
  });
  afterAll(() => t.stop());

  it("a message activity delivered twice starts one session and is recorded once", async () => {
    const start = t.message("start 48213 Mail stuck in queue", { mention: true });
    expect((await t.deliver(start)).status).toBe(200);
    expect((await t.deliver(start)).status).toBe(200);
    const place: Place = { kind: "channel", root: start.id };
    const chatter = t.message("queue shows 400 messages deferred", { place });
    await t.deliver(chatter);
    await t.deliver(chatter);
    await t.say("session", { place, mention: true });
    await t.server.settle();
    const headers = t
      .shown()
      .filter(inThread(place))
      .filter((s) => s.text.includes("Mail stuck in queue"));
    expect(headers).toHaveLength(2);
    expect(headers.at(-1)!.text).toContain("Messages: 1");
  });

  it("an invoke delivered twice, and a double click, make one update and one ticket note", async () => {
    const place = await sessionWithChatter(t);
    await t.say("update quick ticket notes", { place, mention: true });
    const result = t.latest("Ticket Notes", inThread(place));
    const notesBefore = t.cw.notesOn(48213).length;

    const post = t.invoke(result, "Post to Ticket (internal note)");
    await Promise.all([t.deliver(post), t.deliver(post)]);
    // A double click: two invokes with their own ids, at once.
    await Promise.all([
      t.deliver(t.invoke(result, "Post to Ticket (internal note)")),
      t.deliver(t.invoke(result, "Post to Ticket (internal note)")),
    ]);
    await t.server.settle();
    expect(t.cw.notesOn(48213).length).toBe(notesBefore + 1);
    expect(
      t
        .shown()
        .filter(inThread(place))
        .filter((s) => s.text.includes("Posted to ticket")),
    ).toHaveLength(1);

    await t.press(result, "Switch Audience");
    const options = t.latest("Switch to which audience?", inThread(place));
    const pick = t.invoke(options, "👤 Client Update");
    await Promise.all([t.deliver(pick), t.deliver(pick), t.deliver(t.invoke(options, "👤 Client Update"))]);
    await t.server.settle();
    expect(
      t
        .shown()
        .filter(inThread(place))
        .filter((s) => s.text.includes("👤 Client Update\n")),
    ).toHaveLength(1);
  });

  it("a single-tenant bot ignores activities and refuses invokes from other tenants", async () => {
    const place = await sessionWithChatter(t);
    const header = t.latest("48213 — VPN down", inThread(place));
    const before = t.shown().length;
    const typed = await t.say("start 48213 Another tenant", { mention: true, tenant: OTHER_TENANT });
    expect(typed.status).toBe(200);
    const pressed = await t.press(header, "Pause", { tenant: OTHER_TENANT });
    expect(pressed.body).toMatchObject({ statusCode: 403, type: "application/vnd.microsoft.error" });
    expect(t.shown().length).toBe(before);
    const refusals = t
      .logLines()
      .filter((l) => l.msg === "teams: activity refused" && l.tenant === OTHER_TENANT);
    expect(refusals.map((l) => l.refusal)).toEqual([
      "tenant mismatch: a SingleTenant bot serves MicrosoftAppTenantId only",
      "tenant mismatch: a SingleTenant bot serves MicrosoftAppTenantId only",
    ]);
  });
});

describe("tenants", () => {
  it("a multi-tenant bot: a card naming another tenant's session is refused and changes nothing", async () => {
    const t = await startTeams({ settings: { appType: "MultiTenant", tenantId: undefined } });
    try {
      const place = await sessionWithChatter(t);
      await t.say("update quick ticket notes", { place, mention: true });
      const result = t.latest("Ticket Notes", inThread(place));
      const before = t.shown().length;
      const answer = await t.press(result, "Post to Ticket (internal note)", {
        tenant: OTHER_TENANT,
        from: PRIYA,
      });
      expect(answer.status).toBe(200);
      expect(t.cw.notesOn(48213)).toHaveLength(0);
      const told = t.inPersonalChat(PRIYA).at(-1)!;
      expect(told.text).toContain("doesn't exist in this workspace");
      expect(t.shown().length).toBe(before + 1);
      // Typed in the same conversation from the other tenant: no session there for it.
      await t.say("session", { place, mention: true, tenant: OTHER_TENANT, from: PRIYA });
      expect(t.inPersonalChat(PRIYA).at(-1)!.text).toContain("no open FlowPilot session here");
    } finally {
      await t.stop();
    }
  });
});
