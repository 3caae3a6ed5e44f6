import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../../src/app/config.ts";
import { createTicketPoster } from "../../src/app/psa-connections.ts";
import { getOrCreateAccount } from "../../src/db/accounts.ts";
import { saveConnectWiseConnection } from "../../src/db/psa-connections.ts";
import { createPsaTicketPoster } from "../../src/psa/ticket-poster.ts";
import { type ConsoleHarness, createConsoleHarness } from "../support/console-harness.ts";
import { ACME_TICKET, type FakeConnectWise, startFakeConnectWise } from "../support/fake-connectwise.ts";

/**
 * Post to Ticket and ticket context end to end: the console adapter and the
 * conversation core, our ConnectWise client, and a fake ConnectWise server.
 */
let cw: FakeConnectWise;
let h: ConsoleHarness;

const FAST = { timeoutMs: 400, retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 } };

beforeEach(async () => {
  cw = await startFakeConnectWise();
  cw.addTicket(ACME_TICKET);
  h = await createConsoleHarness({ tickets: createPsaTicketPoster(async () => cw.settings, FAST) });
});
afterEach(async () => {
  await h.cleanup();
  await cw.close();
});

const session = () => h.prisma.session.findFirstOrThrow();
const updates = async () =>
  (
    await h.prisma.sessionStep.findMany({ where: { stepType: "status_update" }, orderBy: { seq: "asc" } })
  ).map(
    (s) =>
      ({ id: s.id, ...(s.content as Record<string, unknown>) }) as Record<string, unknown> & {
        id: string;
        delivery: Record<string, unknown>;
      },
  );

async function workTheTicket() {
  await h.say("/flowpilot start 48213");
  await h.say("Client reports no external email arriving since this morning. Internal mail works.");
  await h.say("Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com");
  await h.say("Found it: transport rule 'Block External Senders' is scoped tenant-wide.");
}

describe("ticket context from ConnectWise", () => {
  it("fills summary, client and contact when a session starts on a connected account", async () => {
    const out = await h.say("/flowpilot start 48213");
    expect(await session()).toMatchObject({
      ticketId: "48213",
      ticketSummary: "Email delivery issue",
      clientCompany: "Acme Medical Group",
      clientContact: "Dana Ruiz",
    });
    expect(out).toContain("Acme Medical Group");
    await h.say("Mail from outside is bouncing with 550 5.7.1.");
    await h.say("Rule 'Block External Senders' is tenant-wide; rescoping it now.");
    expect(await h.say("quick update for the client")).toContain("Acme Medical Group");
  });

  it("keeps what the engineer typed over the ticket's values", async () => {
    await h.say("/flowpilot start 48213 Outbound mail bouncing --client Acme Med");
    expect(await session()).toMatchObject({
      ticketSummary: "Outbound mail bouncing",
      clientCompany: "Acme Med",
    });
  });

  it("starts anyway, and says why, when the ticket is unknown or ConnectWise is down", async () => {
    expect(await h.say("/flowpilot start 777 Printer")).toMatch(/Ticket 777 was not found in the PSA/);
    await h.say("/flowpilot resolve wrong ticket");
    cw.fail("GET", /^\/service\/tickets\/48213$/, { kind: "status", status: 503 }, 5);
    expect(await h.say("/flowpilot start 48213 Mail issue --client Acme")).toMatch(
      /Could not read ticket 48213 from the PSA \(ConnectWise had an internal error/,
    );
    expect(await h.prisma.session.count({ where: { status: "active" } })).toBe(1);
  });
});

describe("Post to Ticket", () => {
  beforeEach(workTheTicket);

  it("posts ticket notes as an internal note and records it on the update", async () => {
    await h.say("detailed ticket notes");
    expect(h.choices().map((c) => c.label)).toContain("Post to Ticket (internal note)");
    const out = await h.choose("Post to Ticket (internal note)");
    const [note] = cw.notesOn(48213);
    expect(note).toMatchObject({
      internalAnalysisFlag: true,
      detailDescriptionFlag: false,
      resolutionFlag: false,
    });
    expect(note!.text).toContain("Block External Senders");
    expect(out).toContain(`Posted to ticket 48213 as an internal note (note ${note!.id})`);
    const [u] = await updates();
    expect(u!.delivery).toMatchObject({
      psa_push_status: "posted",
      psa_note_id: String(note!.id),
      psa_note_visibility: "internal",
    });
    expect(await h.say("/flowpilot history")).toMatch(/Posted to ticket \(internal note\)/);
  });

  it("says a client update will be visible to the client, then posts it as a discussion note", async () => {
    await h.say("quick update for the client");
    const post = h.choices().find((c) => c.label === "Post to Ticket (visible to client)");
    expect(post).toBeDefined();
    expect(h.transcript).toMatch(/visible to the client/i);
    await h.choose("Post to Ticket (visible to client)");
    const [note] = cw.notesOn(48213);
    expect(note).toMatchObject({ detailDescriptionFlag: true, internalAnalysisFlag: false });
    expect(note!.text).toMatch(/^Hi Acme Medical Group/);
    expect(note!.text).not.toMatch(/MX|outlook\.com|transport rule/i);
  });

  it("posts the edited text, not the generated one", async () => {
    await h.say("quick ticket note");
    await h.say("/flowpilot edit Rescoped transport rule; verified inbound mail. -SO");
    await h.choose("Post to Ticket (internal note)");
    expect(cw.notesOn(48213)[0]!.text).toBe("Rescoped transport rule; verified inbound mail. -SO");
  });

  it("flags the resolution note and never offers Post for an email draft", async () => {
    await h.say("/flowpilot resolve Re-scoped the transport rule; mail flowing again");
    const post = h.choices().find((c) => c.label === "Post to Ticket (internal note)");
    expect(post).toBeDefined();
    await h.choose("Post to Ticket (internal note)");
    expect(cw.notesOn(48213)[0]).toMatchObject({ resolutionFlag: true, internalAnalysisFlag: true });
    h.advance(1);
    await h.say("detailed email for the client");
    expect(h.choices().some((c) => /Post to Ticket/.test(c.label))).toBe(false);
  });

  it("on a PSA outage keeps the text to copy, stores the failure, and a later press posts exactly once", async () => {
    await h.say("detailed ticket notes");
    cw.fail("POST", /\/notes$/, { kind: "status", status: 500, afterCreate: true });
    cw.fail("GET", /\/notes$/, { kind: "status", status: 503 }, 10);
    const postButton = h.choices().find((c) => c.label === "Post to Ticket (internal note)")!;
    const failed = await h.choose("Post to Ticket (internal note)");
    expect(failed).toMatch(/Could not post to ticket 48213: ConnectWise had an internal error/);
    expect(failed).toContain("Block External Senders");
    const [u] = await updates();
    expect(u!.delivery).toMatchObject({ psa_push_status: "failed" });
    expect(await h.say("/flowpilot history")).toMatch(/Post to ticket failed/);

    // ConnectWise is back; the note had in fact been stored: pressing again finds it instead of posting twice.
    cw.clearFaults();
    const again = await h.press(postButton);
    expect(again).toMatch(/Posted to ticket 48213/);
    expect(cw.notesOn(48213)).toHaveLength(1);
    expect((await updates())[0]!.delivery).toMatchObject({
      psa_push_status: "posted",
      psa_note_id: String(cw.notesOn(48213)[0]!.id),
    });
  });

  it("answers an already-posted update without posting again", async () => {
    await h.say("quick ticket note");
    const postButton = h.choices().find((c) => c.label === "Post to Ticket (internal note)")!;
    await h.choose("Post to Ticket (internal note)");
    expect(await h.press(postButton)).toMatch(/already on ticket 48213/);
    expect(cw.notesOn(48213)).toHaveLength(1);
  });
});

describe("engineer to PSA member mapping", () => {
  it("maps the engineer after checking ConnectWise, and their notes are then written as that member", async () => {
    expect(await h.say("/flowpilot member nobody")).toMatch(
      /No PSA member has the identifier or e-mail "nobody"/,
    );
    expect(await h.say("/flowpilot member sam@acmemsp.example")).toMatch(/written as Sam Okafor \(sokafor\)/);
    expect(await h.prisma.user.findFirstOrThrow()).toMatchObject({ psaMemberId: "sokafor" });
    expect(await h.say("/flowpilot member")).toMatch(/written as PSA member sokafor/);
    await workTheTicket();
    await h.say("quick ticket note");
    await h.choose("Post to Ticket (internal note)");
    expect(cw.notesOn(48213)[0]!.member).toEqual({ identifier: "sokafor" });
    await h.say("/flowpilot member none");
    expect(await h.prisma.user.findFirstOrThrow()).toMatchObject({ psaMemberId: null });
  });
});

describe("per-account connections", () => {
  it("uses the account's stored, encrypted connection, and offers nothing to an account without one", async () => {
    await h.cleanup();
    const key = randomBytes(32);
    h = await createConsoleHarness();
    const config = { encryptionKey: key, psaTimeoutMs: 400 } as Config;
    const console = await getOrCreateAccount(h.prisma, { platform: "console", externalId: "local" });
    await saveConnectWiseConnection(h.prisma, console.id, cw.settings, key);
    const row = await h.prisma.psaConnection.findUniqueOrThrow({ where: { accountId: console.id } });
    expect(JSON.stringify(row)).not.toContain(cw.settings.privateKey);

    const tickets = createTicketPoster(h.prisma, config);
    expect(await tickets.isConnected(console.id)).toBe(true);
    const other = await getOrCreateAccount(h.prisma, { platform: "slack", externalId: "T0OTHER" });
    expect(await tickets.isConnected(other.id)).toBe(false);
    expect(await tickets.lookup(console.id, "48213")).toMatchObject({ company: "Acme Medical Group" });
    await expect(tickets.lookup(other.id, "48213")).rejects.toMatchObject({ code: "psa_not_connected" });
  });
});
