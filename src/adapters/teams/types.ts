import type { ServiceClientCredentialsFactory } from "botframework-connector";

/**
 * What the Teams adapter stores with a session as `ThreadRef.routing`: the
 * parts of the Bot Framework conversation reference a proactive send needs
 * after a restart (the service URL is per tenant and region).
 */
export interface TeamsRouting {
  serviceUrl: string;
  tenantId: string;
  /** "channel", "groupChat" or "personal". */
  conversationType: string;
  /** The bot's channel account (28:<app id>) as Teams addressed it. */
  bot?: { id: string; name?: string };
  /** The team of a channel conversation (roster look-ups ask the team). */
  teamId?: string;
}

/**
 * Bot Framework endpoints, for a cloud other than the public one or for a
 * test's fakes on 127.0.0.1. botbuilder uses either all of them or none:
 * setting one leaves every other one unset, so they travel together.
 */
export interface TeamsBotEndpoints {
  ToBotFromChannelOpenIdMetadataUrl: string;
  ToBotFromEmulatorOpenIdMetadataUrl: string;
  ToBotFromChannelTokenIssuer: string;
  ToChannelFromBotLoginUrl: string;
  ToChannelFromBotOAuthScope: string;
  OAuthUrl: string;
  CallerId: string;
  ValidateAuthority: boolean;
}

/** Seams at the network edge we do not own; production passes none. */
export interface TeamsRuntimeOverrides {
  /** Where outbound tokens come from (a fake token endpoint in tests); default: from the app's settings. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Bot Framework endpoints (all together); default: the public cloud's. */
  endpoints?: TeamsBotEndpoints;
  /**
   * The service URL for a tenant not seen yet (a direct message before any
   * activity arrived); default: Teams' global one.
   */
  defaultServiceUrl?: string;
}

/** Teams' global Bot Connector endpoint, for proactive sends to a tenant the bot has not heard from. */
export const TEAMS_GLOBAL_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
/** The audience of outbound tokens in the public cloud. */
export const PUBLIC_CLOUD_SCOPE = "https://api.botframework.com";
