import { z } from "zod";
import type { ConnectWiseSettings } from "../config.ts";
import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { openSecret, sealSecret } from "../psa/secret-box.ts";
import { isUuid } from "./records.ts";

/**
 * Per-account PSA connections. The non-secret settings are JSON; the private
 * key is stored only sealed with AES-256-GCM under FLOWPILOT_ENCRYPTION_KEY
 * and is never returned by the listing functions.
 */
const storedSettingsSchema = z.object({
  site: z.string().min(1),
  companyId: z.string().min(1),
  publicKey: z.string().min(1),
  clientId: z.string().min(1),
  codebase: z.string().min(1),
  apiVersion: z.string().optional(),
});

export type PublicConnectWiseSettings = Omit<ConnectWiseSettings, "privateKey">;

export async function saveConnectWiseConnection(
  prisma: PrismaClient,
  accountId: string,
  settings: ConnectWiseSettings,
  encryptionKey: Buffer,
): Promise<void> {
  const { privateKey, ...publicSettings } = settings;
  const stored = storedSettingsSchema.parse(publicSettings);
  const encryptedPrivateKey = sealSecret(privateKey, encryptionKey);
  await prisma.psaConnection.upsert({
    where: { accountId },
    create: { accountId, provider: "connectwise", settings: stored, encryptedPrivateKey },
    update: { provider: "connectwise", settings: stored, encryptedPrivateKey },
  });
}

/** The account's stored connection without its private key, or null. */
export async function describeConnection(
  prisma: PrismaClient,
  accountId: string,
): Promise<(PublicConnectWiseSettings & { provider: string; updatedAt: Date }) | null> {
  if (!isUuid(accountId)) return null;
  const row = await prisma.psaConnection.findUnique({ where: { accountId } });
  if (!row) return null;
  return { ...storedSettingsSchema.parse(row.settings), provider: row.provider, updatedAt: row.updatedAt };
}

/**
 * The account's full connection, private key decrypted, or null when none is
 * stored. A stored connection without FLOWPILOT_ENCRYPTION_KEY is an error
 * that names the variable, never a silent "not connected".
 */
export async function loadConnectWiseConnection(
  prisma: PrismaClient,
  accountId: string,
  encryptionKey: Buffer | undefined,
): Promise<ConnectWiseSettings | null> {
  if (!isUuid(accountId)) return null;
  const row = await prisma.psaConnection.findUnique({ where: { accountId } });
  if (!row) return null;
  if (!encryptionKey)
    throw new FlowPilotError(
      "config_invalid",
      "A PSA connection is stored for this workspace, but FLOWPILOT_ENCRYPTION_KEY is not set, so its key cannot be read.",
    );
  const settings = storedSettingsSchema.parse(row.settings);
  return { ...settings, privateKey: openSecret(row.encryptedPrivateKey, encryptionKey) };
}

export async function deleteConnection(prisma: PrismaClient, accountId: string): Promise<boolean> {
  if (!isUuid(accountId)) return false;
  const { count } = await prisma.psaConnection.deleteMany({ where: { accountId } });
  return count > 0;
}
