import type { SlackInstallationRecord, SlackInstallationStore } from "../domain/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { openSecret, sealSecret } from "../psa/secret-box.ts";

/**
 * Slack OAuth installations, one per workspace; the bot token is sealed
 * under FLOWPILOT_ENCRYPTION_KEY and opened only to make Web API calls.
 */
export function createSlackInstallationStore(
  prisma: PrismaClient,
  encryptionKey: Buffer,
): SlackInstallationStore {
  return {
    async save(installation) {
      const fields = {
        teamName: installation.teamName ?? null,
        enterpriseId: installation.enterpriseId ?? null,
        botId: installation.botId ?? null,
        botUserId: installation.botUserId ?? null,
        encryptedBotToken: sealSecret(installation.botToken, encryptionKey),
        installedBy: installation.installedBy ?? null,
        scopes: installation.scopes ?? [],
      };
      await prisma.slackInstallation.upsert({
        where: { teamId: installation.teamId },
        create: { teamId: installation.teamId, ...fields },
        update: fields,
      });
    },
    async find(teamId): Promise<SlackInstallationRecord | null> {
      const row = await prisma.slackInstallation.findUnique({ where: { teamId } });
      if (!row) return null;
      return {
        teamId: row.teamId,
        teamName: row.teamName ?? undefined,
        enterpriseId: row.enterpriseId ?? undefined,
        botId: row.botId ?? undefined,
        botUserId: row.botUserId ?? undefined,
        botToken: openSecret(row.encryptedBotToken, encryptionKey),
        installedBy: row.installedBy ?? undefined,
        scopes: row.scopes,
      };
    },
    async delete(teamId) {
      await prisma.slackInstallation.deleteMany({ where: { teamId } });
    },
  };
}
