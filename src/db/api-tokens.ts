import { createHash, randomBytes } from "node:crypto";
import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { findAccount, getOrCreateAccount } from "./accounts.ts";
import { isUuid, type StoredAccount, toStoredAccount } from "./records.ts";

/**
 * REST API bearer tokens. A token is 32 random bytes shown once as
 * `fp_<base64url>`; only its SHA-256 (hex) is stored, so a database dump
 * holds no usable token. Lookup is by hash, so no secret is ever compared.
 */

export const TOKEN_PREFIX = "fp_";
const MAX_NAME = 100;
/** `fp_` + 43 base64url characters (32 bytes). */
const TOKEN_SHAPE = /^fp_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is refreshed at most this often. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenInfo {
  id: string;
  accountId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiToken extends ApiTokenInfo {
  /** The secret; shown once, never stored. */
  token: string;
}

export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The account an API tenant's tokens belong to (platform "api", external id = tenant name). */
export async function getOrCreateApiAccount(prisma: PrismaClient, tenant: string): Promise<StoredAccount> {
  const externalId = tenant.trim();
  if (!externalId) throw new FlowPilotError("invalid_input", "An API account needs a tenant name.");
  return getOrCreateAccount(prisma, { platform: "api", externalId, name: externalId });
}

/** The API tenant's account, or null when no token was ever created for it. */
export function findApiAccount(prisma: PrismaClient, tenant: string): Promise<StoredAccount | null> {
  return findAccount(prisma, { platform: "api", externalId: tenant });
}

/** Creates a token for the account and returns it with its secret (the only time the secret exists). */
export async function createApiToken(
  prisma: PrismaClient,
  input: { accountId: string; name?: string },
): Promise<CreatedApiToken> {
  const name = (input.name ?? "").trim() || "api";
  if (name.length > MAX_NAME)
    throw new FlowPilotError("invalid_input", `A token name is at most ${MAX_NAME} characters.`);
  if (!isUuid(input.accountId)) throw new FlowPilotError("not_found", "That account does not exist.");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({
    data: { accountId: input.accountId, name, tokenHash: hashApiToken(token) },
  });
  return { ...toInfo(row), token };
}

/**
 * The account a presented token belongs to, or null when it is malformed,
 * unknown or revoked. Records when it was last used.
 */
export async function verifyApiToken(
  prisma: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<{ token: ApiTokenInfo; account: StoredAccount } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { account: true },
  });
  if (!row || row.revokedAt) return null;
  // A busy client would otherwise write on every request; the minute is all "last used" needs.
  const stale = !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
  if (stale) await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    token: { ...toInfo(row), lastUsedAt: stale ? now : row.lastUsedAt },
    account: toStoredAccount(row.account),
  };
}

/** The account's tokens, oldest first, without secrets. */
export async function listApiTokens(prisma: PrismaClient, accountId: string): Promise<ApiTokenInfo[]> {
  if (!isUuid(accountId)) return [];
  const rows = await prisma.apiToken.findMany({ where: { accountId }, orderBy: { createdAt: "asc" } });
  return rows.map(toInfo);
}

/** Revokes a token (idempotent: revoking twice keeps the first time); not_found when there is no such token. */
export async function revokeApiToken(
  prisma: PrismaClient,
  tokenId: string,
  now: Date = new Date(),
): Promise<ApiTokenInfo> {
  const notFound = new FlowPilotError("not_found", `There is no API token with id ${tokenId}.`);
  if (!isUuid(tokenId)) throw notFound;
  const row = await prisma.apiToken.findUnique({ where: { id: tokenId } });
  if (!row) throw notFound;
  if (row.revokedAt) return toInfo(row);
  return toInfo(await prisma.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } }));
}

/** Copies only the listed fields: a row also holds the token hash, which never leaves this module. */
function toInfo(row: ApiTokenInfo): ApiTokenInfo {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
