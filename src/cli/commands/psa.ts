import type { Command } from "commander";
import type { Config } from "../../config.ts";
import { findAccount, getOrCreateAccount } from "../../db/accounts.ts";
import { openDatabase } from "../../db/connect.ts";
import { deleteConnection, describeConnection, saveConnectWiseConnection } from "../../db/psa-connections.ts";
import type { PlatformKind } from "../../engine/conversation/types.ts";
import { isFlowPilotError } from "../../errors.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createConnectWiseClient } from "../../psa/connectwise/client.ts";
import { loadCliConfig } from "../cli-config.ts";
import { UsageError } from "../usage-error.ts";

const PLATFORMS: readonly PlatformKind[] = ["slack", "teams", "api", "console"];

/** `--account slack:T024BE7LH`, `teams:<tenant id>`, `console:local`; a bare name is an API tenant. */
function parseAccount(value: string): { platform: PlatformKind; externalId: string } {
  const [head, ...rest] = value.split(":");
  if (rest.length === 0) return { platform: "api", externalId: value };
  if (!PLATFORMS.includes(head as PlatformKind))
    throw new UsageError(`--account: unknown platform "${head}" (use ${PLATFORMS.join(", ")})`);
  return { platform: head as PlatformKind, externalId: rest.join(":") };
}

async function readPrivateKey(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(
      'pipe the ConnectWise private key on stdin, e.g. printf %s "$CW_PRIVATE_KEY" | flowpilot psa connect …',
    );
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  const key = data.trim();
  if (!key) throw new UsageError("no private key on stdin");
  return key;
}

/**
 * Runs `work` on the account named by --account. Only connect creates an
 * account that has not made contact yet; status and disconnect just look.
 */
async function withAccount<T>(
  config: Config,
  accountFlag: string,
  options: { create: boolean },
  work: (ctx: { prisma: PrismaClient; accountId: string | null }) => Promise<T>,
): Promise<T> {
  const key = parseAccount(accountFlag);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const account = options.create
      ? await getOrCreateAccount(db.prisma, key)
      : await findAccount(db.prisma, key);
    return await work({ prisma: db.prisma, accountId: account?.id ?? null });
  } finally {
    await db.close();
  }
}

/** `flowpilot psa connect|status|disconnect`: an admin's per-account PSA connection. */
export function registerPsa(program: Command): void {
  const psa = program.command("psa").description("connect an account to its PSA (ConnectWise)");

  psa
    .command("connect")
    .description(
      "store and verify a ConnectWise connection; the private key is read from stdin and encrypted",
    )
    .requiredOption(
      "--account <platform:id>",
      "slack:<team id>, teams:<tenant id>, console:local, or an API tenant",
    )
    .requiredOption("--site <host>", "e.g. na.myconnectwise.net, or the on-premise host")
    .requiredOption("--company-id <id>", "the ConnectWise company id used at login")
    .requiredOption("--public-key <key>", "the API member's public key")
    .requiredOption("--client-id <guid>", "the integration's clientId from developer.connectwise.com")
    .option("--codebase <codebase>", "API codebase", "v4_6_release")
    .option("--api-version <version>", "pin the API version, e.g. 2024.1")
    .option("--no-verify", "store without calling ConnectWise first")
    .action(async (flags) => {
      const config = loadCliConfig();
      if (!config.encryptionKey)
        throw new UsageError(
          "FLOWPILOT_ENCRYPTION_KEY must be set to store PSA credentials (32 bytes, e.g. from: openssl rand -base64 32)",
        );
      const settings = {
        site: flags.site,
        companyId: flags.companyId,
        publicKey: flags.publicKey,
        privateKey: await readPrivateKey(),
        clientId: flags.clientId,
        codebase: flags.codebase,
        apiVersion: flags.apiVersion,
      };
      let version: string | undefined;
      if (flags.verify) {
        try {
          ({ version } = await createConnectWiseClient(settings, {
            timeoutMs: config.psaTimeoutMs,
            retry: { retries: 1 },
          }).checkConnection());
        } catch (err) {
          if (isFlowPilotError(err))
            throw new UsageError(`ConnectWise check failed, nothing stored: ${err.userMessage}`);
          throw err;
        }
      }
      const key = config.encryptionKey;
      await withAccount(config, flags.account, { create: true }, ({ prisma, accountId }) =>
        saveConnectWiseConnection(prisma, accountId!, settings, key),
      );
      process.stdout.write(
        `Connected ${flags.account} to ConnectWise at ${flags.site}${version ? ` (${version})` : ""}. The private key is stored encrypted.\n`,
      );
    });

  psa
    .command("status")
    .description("show an account's PSA connection (never the private key)")
    .requiredOption("--account <platform:id>", "the account")
    .action(async (flags) => {
      const config = loadCliConfig();
      const stored = await withAccount(config, flags.account, { create: false }, ({ prisma, accountId }) =>
        accountId ? describeConnection(prisma, accountId) : Promise.resolve(null),
      );
      if (stored) {
        process.stdout.write(
          `${flags.account}: ConnectWise at ${stored.site}, company ${stored.companyId}, public key ${stored.publicKey}, codebase ${stored.codebase} (stored ${stored.updatedAt.toISOString()})\n`,
        );
      } else if (config.connectwise) {
        process.stdout.write(
          `${flags.account}: ConnectWise at ${config.connectwise.site}, company ${config.connectwise.companyId} (from CONNECTWISE_* environment)\n`,
        );
      } else {
        process.stdout.write(`${flags.account}: no PSA connected\n`);
      }
    });

  psa
    .command("disconnect")
    .description("remove an account's stored PSA connection")
    .requiredOption("--account <platform:id>", "the account")
    .action(async (flags) => {
      const removed = await withAccount(
        loadCliConfig(),
        flags.account,
        { create: false },
        ({ prisma, accountId }) => (accountId ? deleteConnection(prisma, accountId) : Promise.resolve(false)),
      );
      process.stdout.write(
        removed ? `Disconnected ${flags.account}.\n` : `${flags.account} had no stored connection.\n`,
      );
    });
}
