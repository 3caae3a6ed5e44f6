import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiToken,
  findApiAccount,
  getOrCreateApiAccount,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
} from "../../src/db/api-tokens.ts";
import { FlowPilotError } from "../../src/errors.ts";
import { DB_KINDS, type TestDatabase, withTestDatabase } from "../support/db.ts";

describe.each(DB_KINDS)("API tokens on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await withTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  it("gives each tenant one api-platform account", async () => {
    const a = await getOrCreateApiAccount(t.db.prisma, "northstar");
    const again = await getOrCreateApiAccount(t.db.prisma, " northstar ");
    expect(again.id).toBe(a.id);
    expect(a).toMatchObject({ platform: "api", externalId: "northstar" });
    expect((await findApiAccount(t.db.prisma, "northstar"))?.id).toBe(a.id);
    expect(await findApiAccount(t.db.prisma, "nobody")).toBeNull();
    await expect(getOrCreateApiAccount(t.db.prisma, "  ")).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("shows the secret once and stores only its SHA-256", async () => {
    const account = await getOrCreateApiAccount(t.db.prisma, "hashes");
    const created = await createApiToken(t.db.prisma, { accountId: account.id, name: "psa sync" });
    expect(created.token).toMatch(/^fp_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
    const second = await createApiToken(t.db.prisma, { accountId: account.id });
    expect(second.token).not.toBe(created.token);
    expect(second.name).toBe("api");
  });

  it("verifies a token to its account and records when it was used", async () => {
    const account = await getOrCreateApiAccount(t.db.prisma, "verify");
    const { token, id } = await createApiToken(t.db.prisma, { accountId: account.id });
    const at = new Date("2026-03-23T14:30:00Z");
    const verified = await verifyApiToken(t.db.prisma, token, at);
    expect(verified?.account).toMatchObject({ id: account.id, platform: "api" });
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at);
    // Refreshed at most once a minute, not written on every request.
    await verifyApiToken(t.db.prisma, token, new Date(at.getTime() + 20_000));
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at);
    const later = new Date(at.getTime() + 90_000);
    await verifyApiToken(t.db.prisma, token, later);
    expect((await t.db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
    expect(
      await verifyApiToken(t.db.prisma, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
    ).toBeNull();
    expect(await verifyApiToken(t.db.prisma, "fp_short")).toBeNull();
    expect(await verifyApiToken(t.db.prisma, "")).toBeNull();
  });

  it("revoked tokens no longer verify; listing shows them without secrets", async () => {
    const account = await getOrCreateApiAccount(t.db.prisma, "revoke");
    const keep = await createApiToken(t.db.prisma, { accountId: account.id, name: "keep" });
    const drop = await createApiToken(t.db.prisma, { accountId: account.id, name: "drop" });
    const revoked = await revokeApiToken(t.db.prisma, drop.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await revokeApiToken(t.db.prisma, drop.id)).revokedAt).toEqual(revoked.revokedAt);
    expect(await verifyApiToken(t.db.prisma, drop.token)).toBeNull();
    expect(await verifyApiToken(t.db.prisma, keep.token)).not.toBeNull();
    const listed = await listApiTokens(t.db.prisma, account.id);
    expect(listed.map((x) => [x.name, x.revokedAt !== null])).toEqual([
      ["keep", false],
      ["drop", true],
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/fp_|tokenHash/);
    await expect(revokeApiToken(t.db.prisma, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(
      FlowPilotError,
    );
    await expect(revokeApiToken(t.db.prisma, "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
