import type { Command } from "commander";
import {
  createApiToken,
  findApiAccount,
  getOrCreateApiAccount,
  listApiTokens,
  revokeApiToken,
} from "../../db/api-tokens.ts";
import { openDatabase } from "../../db/connect.ts";
import type { Database } from "../../db/open.ts";
import { isFlowPilotError } from "../../errors.ts";
import { loadCliConfig } from "../cli-config.ts";
import { UsageError } from "../usage-error.ts";

/** Opens the configured database for one command; typed errors become the one-line usage error. */
async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const config = loadCliConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await work(db);
  } catch (err) {
    if (isFlowPilotError(err)) throw new UsageError(err.userMessage);
    throw err;
  } finally {
    await db.close();
  }
}

const when = (d: Date | null) => (d ? d.toISOString() : "-");

/** `flowpilot token create|list|revoke`: REST API bearer tokens, per API account (tenant). */
export function registerToken(program: Command): void {
  const token = program.command("token").description("REST API tokens (stored hashed; shown once)");

  token
    .command("create")
    .description("create a token for an API account (the account is created on first use)")
    .requiredOption("--account <tenant>", "API account (tenant) name")
    .option("--name <name>", "what the token is for", "api")
    .action((flags: { account: string; name: string }) =>
      withDatabase(async (db) => {
        const account = await getOrCreateApiAccount(db.prisma, flags.account);
        const created = await createApiToken(db.prisma, { accountId: account.id, name: flags.name });
        process.stdout.write(
          [
            `Token:      ${created.token}`,
            `Token id:   ${created.id}`,
            `Account:    ${flags.account.trim()} (${account.id})`,
            "",
            "Store the token now: it is not shown again. Send it as: Authorization: Bearer <token>",
            "",
          ].join("\n"),
        );
      }),
    );

  token
    .command("list")
    .description("list an API account's tokens (no secrets)")
    .requiredOption("--account <tenant>", "API account (tenant) name")
    .action((flags: { account: string }) =>
      withDatabase(async (db) => {
        const account = await findApiAccount(db.prisma, flags.account);
        if (!account) throw new UsageError(`There is no API account "${flags.account.trim()}".`);
        const tokens = await listApiTokens(db.prisma, account.id);
        if (tokens.length === 0) {
          process.stdout.write(`No tokens for ${flags.account.trim()}.\n`);
          return;
        }
        const lines = tokens.map((t) =>
          [t.id, t.revokedAt ? "revoked" : "active ", when(t.createdAt), when(t.lastUsedAt), t.name].join(
            "  ",
          ),
        );
        process.stdout.write(`${["id  state  created  last used  name", ...lines].join("\n")}\n`);
      }),
    );

  token
    .command("revoke")
    .description("revoke a token: requests with it are refused from now on")
    .argument("<token-id>", "the token's id (from token list)")
    .action((tokenId: string) =>
      withDatabase(async (db) => {
        const revoked = await revokeApiToken(db.prisma, tokenId);
        process.stdout.write(`Revoked token ${revoked.id} (${revoked.name}).\n`);
      }),
    );
}
