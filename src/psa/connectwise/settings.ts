import { z } from "zod";
import { InvalidSettingError } from "../../errors.ts";

/** Where and as whom to call one ConnectWise PSA (Manage) site. */
export interface ConnectWiseSettings {
  /** Host such as api-na.myconnectwise.net, or a full https:// URL. */
  site: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  codebase: string;
  /** Optional API version for the Accept header, such as 2024.1. */
  apiVersion?: string;
}

/** What a stored connection keeps in the clear: everything but the private key (sealed apart). */
export const publicConnectWiseSettingsSchema = z.object({
  site: z.string().min(1),
  companyId: z.string().min(1),
  publicKey: z.string().min(1),
  clientId: z.string().min(1),
  codebase: z.string().min(1),
  apiVersion: z.string().optional(),
});

/** A whole connection as an admin gives it (`flowpilot psa connect`). */
export const connectWiseSettingsSchema = publicConnectWiseSettingsSchema.extend({
  privateKey: z.string().min(1),
}) satisfies z.ZodType<ConnectWiseSettings>;

/**
 * Why a site cannot be used, or null: every call carries the private key, so
 * plain http is refused except to this machine (127.0.0.1, ::1, localhost).
 */
export function insecureSiteProblem(site: string): string | null {
  const m = /^http:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(site.trim());
  if (!m) return null;
  const host = m[1]!.toLowerCase();
  if (host === "127.0.0.1" || host === "localhost" || host === "[::1]") return null;
  return `The ConnectWise site ${site.trim().slice(0, 80)} uses plain http: the private key would travel unencrypted. Use https://.`;
}

/** "ConnectWise at <site>", with more of the settings the more detail is asked for; never the private key. */
export function describeConnectWise(
  settings: Omit<ConnectWiseSettings, "privateKey">,
  detail: "site" | "company" | "all",
): string {
  const at = `ConnectWise at ${settings.site}`;
  if (detail === "site") return at;
  if (detail === "company") return `${at}, company ${settings.companyId}`;
  return `${at}, company ${settings.companyId}, public key ${settings.publicKey}, codebase ${settings.codebase}`;
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** The settings that, all together, connect every account to one ConnectWise site. */
const REQUIRED = [
  "CONNECTWISE_SITE",
  "CONNECTWISE_COMPANY_ID",
  "CONNECTWISE_PUBLIC_KEY",
  "CONNECTWISE_PRIVATE_KEY",
  "CONNECTWISE_CLIENT_ID",
] as const;

const environmentShape = {
  CONNECTWISE_SITE: optionalString,
  CONNECTWISE_COMPANY_ID: optionalString,
  CONNECTWISE_PUBLIC_KEY: optionalString,
  CONNECTWISE_PRIVATE_KEY: optionalString,
  CONNECTWISE_CLIENT_ID: optionalString,
  CONNECTWISE_CODEBASE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_]+$/, "must look like v4_6_release")
    .default("v4_6_release"),
  CONNECTWISE_API_VERSION: optionalString,
};

/**
 * The CONNECTWISE_* environment, which connects every account of a
 * single-MSP install (an account's stored connection wins): all five
 * required settings or none, and no plain-http site.
 */
export const connectWiseEnvironment = {
  shape: environmentShape,
  read(env: z.infer<z.ZodObject<typeof environmentShape>>): ConnectWiseSettings | undefined {
    const problem = env.CONNECTWISE_SITE ? insecureSiteProblem(env.CONNECTWISE_SITE) : null;
    if (problem) throw new InvalidSettingError("CONNECTWISE_SITE", problem);
    const given = REQUIRED.filter((name) => env[name] !== undefined);
    if (given.length === 0) return undefined;
    const missing = REQUIRED.find((name) => env[name] === undefined);
    if (missing)
      throw new InvalidSettingError(
        missing,
        `required when ${given[0]} is set (a ConnectWise connection needs ${REQUIRED.join(", ")})`,
      );
    return {
      site: env.CONNECTWISE_SITE!,
      companyId: env.CONNECTWISE_COMPANY_ID!,
      publicKey: env.CONNECTWISE_PUBLIC_KEY!,
      privateKey: env.CONNECTWISE_PRIVATE_KEY!,
      clientId: env.CONNECTWISE_CLIENT_ID!,
      codebase: env.CONNECTWISE_CODEBASE,
      apiVersion: env.CONNECTWISE_API_VERSION,
    };
  },
};
