import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getAccount,
  getOrCreateAccount,
  getTemplates,
  setCompanyName,
  updateTemplates,
} from "../../src/db/accounts.ts";
import { upsertUser } from "../../src/db/users.ts";
import { DEFAULT_TEMPLATES } from "../../src/engine/templates.ts";
import { FlowPilotError } from "../../src/errors.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

describe.each(DB_KINDS)("accounts and users on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  it("creates one account per platform workspace and refreshes its name", async () => {
    const first = await getOrCreateAccount(t.db.prisma, {
      platform: "slack",
      externalId: "T0001",
      name: "Northstar",
      companyName: "Northstar IT",
    });
    const again = await getOrCreateAccount(t.db.prisma, {
      platform: "slack",
      externalId: "T0001",
      name: "Northstar IT Ops",
      companyName: "Someone Else",
    });
    const teams = await getOrCreateAccount(t.db.prisma, { platform: "teams", externalId: "T0001" });
    expect(again.id).toBe(first.id);
    expect(teams.id).not.toBe(first.id);
    expect(again).toMatchObject({ name: "Northstar IT Ops", companyName: "Northstar IT", platform: "slack" });
    expect(first.templates).toEqual(DEFAULT_TEMPLATES);
    expect(await getAccount(t.db.prisma, first.id)).toEqual(again);
    expect(await getAccount(t.db.prisma, "not-an-id")).toBeNull();
  });

  it("gives every concurrent first contact the same account", async () => {
    const others = kind === "postgres" ? [await t.openAnother(), await t.openAnother()] : [];
    const clients = [t.db, ...others].map((d) => d.prisma);
    const accounts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        getOrCreateAccount(clients[i % clients.length]!, { platform: "teams", externalId: "tenant-race" }),
      ),
    );
    expect(new Set(accounts.map((a) => a.id)).size).toBe(1);
  });

  it("stores validated templates with defaults and rejects bad ones naming the field", async () => {
    const account = await getOrCreateAccount(t.db.prisma, { platform: "api", externalId: "tpl" });
    const saved = await updateTemplates(t.db.prisma, account.id, {
      client_tone: "friendly",
      client_signoff: "The Desk",
    });
    expect(saved).toEqual({ ...DEFAULT_TEMPLATES, client_tone: "friendly", client_signoff: "The Desk" });
    expect(await getTemplates(t.db.prisma, account.id)).toEqual(saved);

    const bad = await updateTemplates(t.db.prisma, account.id, { client_tone: "sarcastic" }).catch((e) => e);
    expect(bad).toBeInstanceOf(FlowPilotError);
    expect(bad).toMatchObject({ code: "invalid_input" });
    expect(bad.message).toMatch(/client_tone/);
    await expect(updateTemplates(t.db.prisma, account.id, { signature_emoji: true })).rejects.toThrow(
      /Unrecognized key.*signature_emoji|signature_emoji/,
    );
    expect(await getTemplates(t.db.prisma, account.id)).toEqual(saved);
    await expect(
      updateTemplates(t.db.prisma, "00000000-0000-4000-8000-000000000000", {}),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getTemplates(t.db.prisma, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("sets the company name used in sign-offs", async () => {
    const account = await getOrCreateAccount(t.db.prisma, { platform: "console", externalId: "local" });
    await setCompanyName(t.db.prisma, account.id, "  Keystone Managed Services ");
    expect((await getAccount(t.db.prisma, account.id))?.companyName).toBe("Keystone Managed Services");
    await expect(setCompanyName(t.db.prisma, account.id, "x".repeat(201))).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("upserts users per account, keeping PSA member id and admin flag unless given", async () => {
    const a = await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-USERS-A" });
    const b = await getOrCreateAccount(t.db.prisma, { platform: "slack", externalId: "T-USERS-B" });
    const created = await upsertUser(t.db.prisma, {
      accountId: a.id,
      platformUserId: "U1",
      displayName: "Sam Okafor",
      psaMemberId: "sokafor",
      isAdmin: true,
    });
    const renamed = await upsertUser(t.db.prisma, {
      accountId: a.id,
      platformUserId: "U1",
      displayName: "Sam O.",
    });
    const sameIdOtherAccount = await upsertUser(t.db.prisma, {
      accountId: b.id,
      platformUserId: "U1",
      displayName: "Someone else",
    });
    expect(renamed).toEqual({ ...created, displayName: "Sam O." });
    expect(renamed).toMatchObject({ psaMemberId: "sokafor", isAdmin: true });
    expect(sameIdOtherAccount.id).not.toBe(created.id);
    expect(sameIdOtherAccount).toMatchObject({ isAdmin: false, psaMemberId: null });
    await expect(
      upsertUser(t.db.prisma, {
        accountId: "00000000-0000-4000-8000-000000000000",
        platformUserId: "U1",
        displayName: "Nobody",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
