import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ConnectWiseSettings } from "../psa/connectwise/settings.ts";
import { isPsaProvider, type PsaConnection, psaProvider } from "../psa/providers.ts";
import { openSecret, sealSecret } from "../psa/secret-box.ts";
import { isUuid } from "./records.ts";

/**
 * Per-account PSA connections, keyed by provider: the provider's non-secret
 * settings are JSON (checked with its schema); its secret (ConnectWise's
 * private key) is stored only sealed with AES-256-GCM under
 * FLOWPILOT_ENCRYPTION_KEY and is never returned by the listing functions.
 */
export async function savePsaConnection(
  prisma: PrismaClient,
  accountId: string,
  connection: PsaConnection,
  encryptionKey: Buffer,
): Promise<void> {
  const entry = psaProvider(connection.provider);
  const { [entry.secret]: secret, ...publicSettings } = connection.settings as unknown as Record<
    string,
    string
  >;
  const stored = entry.publicSettings.parse(publicSettings) as object;
  const encryptedPrivateKey = sealSecret(secret ?? "", encryptionKey);
  const fields = { provider: connection.provider, settings: stored, encryptedPrivateKey };
  await prisma.psaConnection.upsert({
    where: { accountId },
    create: { accountId, ...fields },
    update: fields,
  });
}

/** ConnectWise's connection for an account (the first provider's, as `flowpilot psa connect` stores it). */
export function saveConnectWiseConnection(
  prisma: PrismaClient,
  accountId: string,
  settings: ConnectWiseSettings,
  encryptionKey: Buffer,
): Promise<void> {
  return savePsaConnection(prisma, accountId, { provider: "connectwise", settings }, encryptionKey);
}

/** The account's stored connection without its secret, with its provider, or null. */
export async function describeConnection(
  prisma: PrismaClient,
  accountId: string,
): Promise<{ provider: string; settings: Record<string, unknown>; updatedAt: Date } | null> {
  if (!isUuid(accountId)) return null;
  const row = await prisma.psaConnection.findUnique({ where: { accountId } });
  if (!row || !isPsaProvider(row.provider)) return null;
  const settings = psaProvider(row.provider).publicSettings.parse(row.settings) as Record<string, unknown>;
  return { provider: row.provider, settings, updatedAt: row.updatedAt };
}

/**
 * The account's full connection, secret decrypted, or null when none is
 * stored. A stored connection without FLOWPILOT_ENCRYPTION_KEY is an error
 * that names the variable, never a silent "not connected".
 */
export async function loadPsaConnection(
  prisma: PrismaClient,
  accountId: string,
  encryptionKey: Buffer | undefined,
): Promise<PsaConnection | null> {
  if (!isUuid(accountId)) return null;
  const row = await prisma.psaConnection.findUnique({ where: { accountId } });
  if (!row || !isPsaProvider(row.provider)) return null;
  if (!encryptionKey)
    throw new FlowPilotError(
      "config_invalid",
      "A PSA connection is stored for this workspace, but FLOWPILOT_ENCRYPTION_KEY is not set, so its key cannot be read.",
    );
  const entry = psaProvider(row.provider);
  const settings = entry.settings.parse({
    ...(entry.publicSettings.parse(row.settings) as object),
    [entry.secret]: openSecret(row.encryptedPrivateKey, encryptionKey),
  });
  return { provider: row.provider, settings } as PsaConnection;
}

/** The account's stored ConnectWise settings, private key decrypted, or null. */
export async function loadConnectWiseConnection(
  prisma: PrismaClient,
  accountId: string,
  encryptionKey: Buffer | undefined,
): Promise<ConnectWiseSettings | null> {
  const connection = await loadPsaConnection(prisma, accountId, encryptionKey);
  return connection?.provider === "connectwise" ? connection.settings : null;
}

export async function deleteConnection(prisma: PrismaClient, accountId: string): Promise<boolean> {
  if (!isUuid(accountId)) return false;
  const { count } = await prisma.psaConnection.deleteMany({ where: { accountId } });
  return count > 0;
}
