import type { Command } from "commander";
import type { CliIo } from "../io.ts";

const ACCOUNT_HELP = "slack:<team id>, teams:<tenant id>, console:local, or an API tenant";

/** `flowpilot psa connect|status|disconnect`: an admin's per-account PSA connection. */
export function registerPsa(program: Command, io: CliIo): void {
  const psa = program.command("psa").description("connect an account to its PSA (ConnectWise)");
  const handlers = () => import("../handlers/psa.ts");

  psa
    .command("connect")
    .description(
      "store and verify a ConnectWise connection; the private key is read from stdin and encrypted",
    )
    .requiredOption("--account <platform:id>", ACCOUNT_HELP)
    .requiredOption("--site <host>", "e.g. na.myconnectwise.net, or the on-premise host")
    .requiredOption("--company-id <id>", "the ConnectWise company id used at login")
    .requiredOption("--public-key <key>", "the API member's public key")
    .requiredOption("--client-id <guid>", "the integration's clientId from developer.connectwise.com")
    .option("--codebase <codebase>", "API codebase", "v4_6_release")
    .option("--api-version <version>", "pin the API version, e.g. 2024.1")
    .option("--no-verify", "store without calling ConnectWise first")
    .action(async (flags) => (await handlers()).psaConnect(io, flags));

  psa
    .command("status")
    .description("show an account's PSA connection (never the private key)")
    .requiredOption("--account <platform:id>", "the account")
    .action(async (flags: { account: string }) => (await handlers()).psaStatus(io, flags.account));

  psa
    .command("disconnect")
    .description("remove an account's stored PSA connection")
    .requiredOption("--account <platform:id>", "the account")
    .action(async (flags: { account: string }) => (await handlers()).psaDisconnect(io, flags.account));
}
