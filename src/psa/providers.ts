import { z } from "zod";
import { type ConnectWiseClientOptions, createConnectWiseClient } from "./connectwise/client.ts";
import {
  connectWiseEnvironment,
  connectWiseSettingsSchema,
  describeConnectWise,
  publicConnectWiseSettingsSchema,
} from "./connectwise/settings.ts";
import type { PsaClient } from "./types.ts";

/** How a PSA client calls: per-request timeout and retries. */
export type PsaClientOptions = ConnectWiseClientOptions;

/** What FlowPilot knows of one PSA provider. */
interface PsaProviderEntry<S> {
  /** The whole settings of a connection, as an admin gives them. */
  settings: z.ZodType<S>;
  /** What a stored connection keeps in the clear: all but the secret. */
  publicSettings: z.ZodType;
  /** The one field sealed with FLOWPILOT_ENCRYPTION_KEY, stored apart and never listed. */
  secret: keyof S & string;
  /** Its variables in the environment (a connection for every account), and how they become settings. */
  environment: { shape: z.ZodRawShape; read(env: Record<string, unknown>): S | undefined };
  /** "<PSA> at <site>", with more of the public settings the more detail is asked for. */
  describe(settings: Partial<S>, detail: "site" | "company" | "all"): string;
  client(settings: S, options: PsaClientOptions): PsaClient;
}

const provider = <S>(entry: PsaProviderEntry<S>) => entry;

/**
 * Every PSA FlowPilot can post to, one entry each, keyed by the `provider`
 * stored with an account's connection. A second PSA is a folder beside
 * connectwise/ and one entry here.
 */
export const PSA_PROVIDERS = {
  connectwise: provider({
    settings: connectWiseSettingsSchema,
    publicSettings: publicConnectWiseSettingsSchema,
    secret: "privateKey",
    environment: connectWiseEnvironment,
    describe: describeConnectWise,
    client: createConnectWiseClient,
  }),
};

export type PsaProvider = keyof typeof PSA_PROVIDERS;

/** One provider's settings. */
export type PsaSettings<P extends PsaProvider = PsaProvider> =
  (typeof PSA_PROVIDERS)[P] extends PsaProviderEntry<infer S> ? S : never;

/** An account's PSA connection: which provider, and its settings. */
export type PsaConnection = { [P in PsaProvider]: { provider: P; settings: PsaSettings<P> } }[PsaProvider];

/** The provider's entry, for code that works on any provider. */
export function psaProvider(name: PsaProvider): PsaProviderEntry<PsaSettings> {
  return PSA_PROVIDERS[name];
}

/** Whether a stored provider name is one this version knows. */
export function isPsaProvider(name: string): name is PsaProvider {
  return Object.hasOwn(PSA_PROVIDERS, name);
}

/** The client for a connection, whatever its provider. */
export function psaClient(connection: PsaConnection, options: PsaClientOptions): PsaClient {
  return psaProvider(connection.provider).client(connection.settings, options);
}

/** A connection as an admin gives it (the CLI, the owner channel): the provider and its whole settings. */
export const psaConnectionSchema = z.discriminatedUnion(
  "provider",
  Object.entries(PSA_PROVIDERS).map(([name, entry]) =>
    z.object({ provider: z.literal(name), settings: entry.settings }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<PsaConnection, PsaConnection>;

/** The PSA part of the settings: each provider's environment connection, keyed by provider, and the call timeout. */
export type PsaEnvironmentSettings = { [P in PsaProvider]?: PsaSettings<P> } & { psaTimeoutMs: number };

/**
 * The PSA part of the configuration: every provider's variables and
 * PSA_TIMEOUT_MS. `read` turns them into settings keyed by provider; a bad
 * combination throws InvalidSettingError naming the variable.
 */
export const psaEnvironment = {
  shape: {
    ...Object.assign({}, ...Object.values(PSA_PROVIDERS).map((entry) => entry.environment.shape)),
    PSA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  } as z.ZodRawShape,
  read(env: Record<string, unknown>): PsaEnvironmentSettings {
    const settings: Record<string, unknown> = { psaTimeoutMs: env.PSA_TIMEOUT_MS };
    for (const [name, entry] of Object.entries(PSA_PROVIDERS)) {
      const found = entry.environment.read(env);
      if (found) settings[name] = found;
    }
    return settings as PsaEnvironmentSettings;
  },
};

/** The connection the environment gives every account without one of its own: the first provider set there, or null. */
export function environmentConnection(settings: PsaEnvironmentSettings): PsaConnection | null {
  for (const provider of Object.keys(PSA_PROVIDERS) as PsaProvider[]) {
    const found = settings[provider];
    if (found) return { provider, settings: found };
  }
  return null;
}
