import { runDatabaseJob } from "../../app/run-database-job.ts";
import { isPlatformKind, PLATFORMS, type PlatformKind } from "../../domain/index.ts";
import { isFlowPilotError } from "../../errors.ts";
import type { ConnectWiseSettings } from "../../psa/connectwise/settings.ts";
import { environmentConnection, type PsaConnection, psaClient, psaProvider } from "../../psa/providers.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

/** `--account slack:T024BE7LH`, `teams:<tenant id>`, `console:local`; a bare name is an API tenant. */
export function parseAccount(value: string): { platform: PlatformKind; externalId: string } {
  const [head, ...rest] = value.split(":");
  if (rest.length === 0) return { platform: "api", externalId: value };
  if (!isPlatformKind(head!))
    throw new UsageError(`--account: unknown platform "${head}" (use ${PLATFORMS.join(", ")})`);
  return { platform: head, externalId: rest.join(":") };
}

async function readPrivateKey(io: CliIo): Promise<string> {
  if (io.stdin.isTTY)
    throw new UsageError(
      'pipe the ConnectWise private key on stdin, e.g. printf %s "$CW_PRIVATE_KEY" | flowpilot psa connect …',
    );
  let data = "";
  for await (const chunk of io.stdin) data += chunk;
  const key = data.trim();
  if (!key) throw new UsageError("no private key on stdin");
  return key;
}

export interface PsaConnectFlags {
  account: string;
  site: string;
  companyId: string;
  publicKey: string;
  clientId: string;
  codebase: string;
  apiVersion?: string;
  verify: boolean;
}

export async function psaConnect(io: CliIo, flags: PsaConnectFlags): Promise<void> {
  const config = loadCliConfig(io.env);
  if (!config.encryptionKey)
    throw new UsageError(
      "FLOWPILOT_ENCRYPTION_KEY must be set to store PSA credentials (32 bytes, e.g. from: openssl rand -base64 32)",
    );
  const account = parseAccount(flags.account);
  const settings: ConnectWiseSettings = {
    site: flags.site,
    companyId: flags.companyId,
    publicKey: flags.publicKey,
    privateKey: await readPrivateKey(io),
    clientId: flags.clientId,
    codebase: flags.codebase,
    apiVersion: flags.apiVersion,
  };
  const connection: PsaConnection = { provider: "connectwise", settings };
  let version: string | undefined;
  if (flags.verify) {
    try {
      ({ version } = await psaClient(connection, {
        timeoutMs: config.psaTimeoutMs,
        retry: { retries: 1 },
      }).checkConnection());
    } catch (err) {
      if (isFlowPilotError(err))
        throw new UsageError(`ConnectWise check failed, nothing stored: ${err.userMessage}`);
      throw err;
    }
  }
  io.stdout.write(
    await runDatabaseJob(config, "psa.save", { account, label: flags.account, connection, version }),
  );
}

export async function psaStatus(io: CliIo, accountFlag: string): Promise<void> {
  const config = loadCliConfig(io.env);
  io.stdout.write(
    await runDatabaseJob(config, "psa.status", {
      account: parseAccount(accountFlag),
      label: accountFlag,
      fromEnvironment: described(environmentConnection(config)),
    }),
  );
}

export async function psaDisconnect(io: CliIo, accountFlag: string): Promise<void> {
  const config = loadCliConfig(io.env);
  io.stdout.write(
    await runDatabaseJob(config, "psa.disconnect", {
      account: parseAccount(accountFlag),
      label: accountFlag,
    }),
  );
}

function described(connection: PsaConnection | null): string | undefined {
  return connection ? psaProvider(connection.provider).describe(connection.settings, "company") : undefined;
}
