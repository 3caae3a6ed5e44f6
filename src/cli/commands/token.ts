import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot token create|list|revoke`: REST API bearer tokens, per API account (tenant). */
export function registerToken(program: Command, io: CliIo): void {
  const token = program.command("token").description("REST API tokens (stored hashed; shown once)");
  const run = async (...job: Parameters<typeof import("../handlers/database-job.ts").runCliDatabaseJob>) => {
    const { runCliDatabaseJob } = await import("../handlers/database-job.ts");
    await runCliDatabaseJob(...job);
  };

  token
    .command("create")
    .description("create a token for an API account (the account is created on first use)")
    .requiredOption("--account <tenant>", "API account (tenant) name")
    .option("--name <name>", "what the token is for", "api")
    .action((flags: { account: string; name: string }) => run(io, "token.create", flags));

  token
    .command("list")
    .description("list an API account's tokens (no secrets)")
    .requiredOption("--account <tenant>", "API account (tenant) name")
    .action((flags: { account: string }) => run(io, "token.list", flags));

  token
    .command("revoke")
    .description("revoke a token: requests with it are refused from now on")
    .argument("<token-id>", "the token's id (from token list)")
    .action((tokenId: string) => run(io, "token.revoke", { tokenId }));
}
