import { z } from "zod";
import { InvalidSettingError } from "./errors.ts";

/**
 * Slack and Teams settings: which platforms `npm start` runs, and the
 * combinations each needs. A partial setting (a bot token without its
 * signing secret, a single-tenant Teams bot without its tenant) stops
 * start-up naming what is missing.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "" || v === "false" || v === "0") return false;
    if (v === "true" || v === "1") return true;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

export const chatPlatformSchema = z.object({
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^xoxb-/, "must be a bot token (xoxb-…)")
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^xapp-/, "must be an app-level token (xapp-…) with connections:write")
      .optional(),
  ),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  SLACK_API_URL: optionalString.pipe(z.url("must be a URL such as https://slack.com/api/").optional()),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: optionalString.pipe(
    z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional(),
  ),
  MicrosoftAppTenantId: optionalString,
  FLOWPILOT_TEAMS_LOGIN_URL: optionalString.pipe(
    z
      .url("must be a URL such as https://login.microsoftonline.com")
      .refine(
        (url) =>
          /^https:\/\//i.test(url) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(url),
        "must be https:// (the client secret is sent to it); plain http only to this machine",
      )
      .optional(),
  ),
  FLOWPILOT_TEAMS_ALLOW_ANONYMOUS: flag,
  FLOWPILOT_TEAMS_ADMINS: optionalString,
});

export type RawChatPlatformConfig = z.infer<typeof chatPlatformSchema>;

export interface SlackSettings {
  /** Verifies every request in HTTP mode (not needed in Socket Mode). */
  signingSecret?: string;
  /** Single-workspace install: the bot token. Absent with OAuth (tokens come from the installation store). */
  botToken?: string;
  /** Socket Mode: an app-level token; no public URL needed. */
  appToken?: string;
  /** Multi-workspace installs through OAuth (/slack/install, /slack/oauth_redirect). */
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  /** Web API base URL, e.g. https://slack.com/api/ (a fake Slack in tests). */
  apiUrl?: string;
}

export interface TeamsSettings {
  /** Absent: unauthenticated, for local testing only (needs FLOWPILOT_TEAMS_ALLOW_ANONYMOUS=true). */
  appId?: string;
  appPassword?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId?: string;
  /** The Microsoft identity platform MicrosoftAppPassword is checked against at start-up (default: the public cloud's). */
  loginUrl?: string;
  /**
   * People who may edit the team templates besides team owners: Microsoft
   * Entra object ids or sign-in names (e-mail / UPN), lower-cased.
   */
  admins?: string[];
}

const OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

export function slackSettings(
  c: RawChatPlatformConfig,
  hasEncryptionKey: boolean,
): SlackSettings | undefined {
  const given = (["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", ...OAUTH] as const).filter(
    (name) => c[name] !== undefined,
  );
  if (given.length === 0) return undefined;
  const oauthGiven = OAUTH.filter((name) => c[name] !== undefined);
  if (oauthGiven.length > 0) {
    const missing = OAUTH.find((name) => c[name] === undefined);
    if (missing)
      throw new InvalidSettingError(
        missing,
        `required when ${oauthGiven[0]} is set (Slack OAuth needs ${OAUTH.join(", ")})`,
      );
    if (!c.SLACK_SIGNING_SECRET)
      throw new InvalidSettingError(
        "SLACK_SIGNING_SECRET",
        "required for Slack OAuth installs (the events and redirect are verified with it)",
      );
    if (!hasEncryptionKey)
      throw new InvalidSettingError(
        "FLOWPILOT_ENCRYPTION_KEY",
        "required for Slack OAuth installs (bot tokens are stored encrypted)",
      );
  } else if (!c.SLACK_BOT_TOKEN) {
    throw new InvalidSettingError(
      "SLACK_BOT_TOKEN",
      `required when ${given[0]} is set (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth installs)`,
    );
  } else if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new InvalidSettingError(
      "SLACK_SIGNING_SECRET",
      "required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  return {
    signingSecret: c.SLACK_SIGNING_SECRET,
    botToken: c.SLACK_BOT_TOKEN,
    appToken: c.SLACK_APP_TOKEN,
    oauth:
      c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET
        ? {
            clientId: c.SLACK_CLIENT_ID,
            clientSecret: c.SLACK_CLIENT_SECRET,
            stateSecret: c.SLACK_STATE_SECRET,
          }
        : undefined,
    apiUrl: c.SLACK_API_URL,
  };
}

export function teamsSettings(c: RawChatPlatformConfig): TeamsSettings | undefined {
  const appType = c.MicrosoftAppType ?? "MultiTenant";
  const admins = (c.FLOWPILOT_TEAMS_ADMINS ?? "")
    .split(",")
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  if (!c.MicrosoftAppId) {
    const stray = (["MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"] as const).find(
      (name) => c[name] !== undefined,
    );
    if (stray) throw new InvalidSettingError("MicrosoftAppId", `required when ${stray} is set`);
    return c.FLOWPILOT_TEAMS_ALLOW_ANONYMOUS ? { appType, admins } : undefined;
  }
  if (appType !== "UserAssignedMSI" && !c.MicrosoftAppPassword)
    throw new InvalidSettingError(
      "MicrosoftAppPassword",
      `required for a ${appType} bot (MicrosoftAppId is set)`,
    );
  if (appType !== "MultiTenant" && !c.MicrosoftAppTenantId)
    throw new InvalidSettingError("MicrosoftAppTenantId", `required when MicrosoftAppType is ${appType}`);
  return {
    appId: c.MicrosoftAppId,
    appPassword: c.MicrosoftAppPassword,
    appType,
    tenantId: c.MicrosoftAppTenantId,
    loginUrl: c.FLOWPILOT_TEAMS_LOGIN_URL,
    admins,
  };
}
