import type { TeamsSettings } from "../../config.ts";
import type { Logger } from "../../domain/index.ts";
import { displayUrl, networkCause, STARTUP_CHECK_TIMEOUT_MS, StartupCheckError } from "../startup-check.ts";
import { PUBLIC_CLOUD_SCOPE } from "./types.ts";

/** The public cloud's Microsoft identity platform. */
export const PUBLIC_LOGIN_URL = "https://login.microsoftonline.com";
/** The authority a multi-tenant bot's tokens come from (botbuilder's DefaultChannelAuthTenant). */
const MULTI_TENANT_AUTHORITY = "botframework.com";

/** AADSTS codes that name the setting at fault; anything else names the app id and password together. */
const SETTING_BY_AADSTS: Record<number, { setting: string; what: string }> = {
  7000215: { setting: "MicrosoftAppPassword", what: "invalid client secret" },
  7000222: { setting: "MicrosoftAppPassword", what: "client secret expired" },
  700016: { setting: "MicrosoftAppId", what: "no such application in the tenant" },
  90002: { setting: "MicrosoftAppTenantId", what: "tenant not found" },
  900023: { setting: "MicrosoftAppTenantId", what: "not a valid tenant id" },
};

/**
 * Asks the Microsoft identity platform for the token the bot's replies will
 * carry (client credentials, as botbuilder does), so a wrong MicrosoftAppId,
 * MicrosoftAppPassword or MicrosoftAppTenantId stops start-up naming it
 * (StartupCheckError) instead of failing every reply later. When the login
 * endpoint cannot be reached or answers 5xx, start-up goes on with a warning:
 * inbound activities are checked against the Bot Framework's keys, not the
 * login endpoint, and botbuilder asks for a token again on each reply.
 */
export async function checkTeamsCredentials(
  settings: TeamsSettings,
  options: { logger: Logger; signal?: AbortSignal },
): Promise<void> {
  // Anonymous local testing has nothing to check. A user-assigned managed identity gets its token
  // from the Azure instance metadata endpoint of the machine it runs on, with no secret of ours:
  // it cannot be checked from here (nor from anywhere but that Azure resource).
  if (!settings.appId || !settings.appPassword || settings.appType === "UserAssignedMSI") return;
  const tenant =
    settings.appType === "SingleTenant" && settings.tenantId ? settings.tenantId : MULTI_TENANT_AUTHORITY;
  const base = (settings.loginUrl ?? PUBLIC_LOGIN_URL).replace(/\/+$/, "");
  const url = `${base}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  const timeout = AbortSignal.timeout(STARTUP_CHECK_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: settings.appId,
        client_secret: settings.appPassword,
        scope: `${PUBLIC_CLOUD_SCOPE}/.default`,
      }),
      redirect: "error",
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    options.logger.warn(
      { platform: "teams", loginUrl: displayUrl(base), cause: networkCause(err) },
      "teams: Microsoft login could not be reached, MicrosoftAppPassword not checked; starting anyway (replies fail until it answers)",
    );
    return;
  }
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; error_codes?: unknown };
  if (response.ok) return;
  if (response.status !== 400 && response.status !== 401) {
    options.logger.warn(
      { platform: "teams", loginUrl: displayUrl(base), status: response.status },
      "teams: Microsoft login answered with an error, MicrosoftAppPassword not checked; starting anyway",
    );
    return;
  }
  const codes = Array.isArray(body.error_codes) ? body.error_codes.filter(Number.isInteger) : [];
  const code = codes[0] as number | undefined;
  const known = code === undefined ? undefined : SETTING_BY_AADSTS[code];
  const aadsts = code === undefined ? "" : `AADSTS${code}: `;
  if (known)
    throw new StartupCheckError(
      `Microsoft login refused ${known.setting} (${aadsts}${known.what})`,
      "refused",
    );
  const error =
    typeof body.error === "string" && /^[a-z_]{1,40}$/.test(body.error)
      ? body.error
      : `HTTP ${response.status}`;
  throw new StartupCheckError(
    `Microsoft login refused MicrosoftAppId and MicrosoftAppPassword (${aadsts}${error})`,
    "refused",
  );
}
