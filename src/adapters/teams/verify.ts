import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { TeamsSettings } from "../../config.ts";
import { PUBLIC_CLOUD_SCOPE, type TeamsRuntimeOverrides } from "./types.ts";

/**
 * botbuilder's CloudAdapter, entered without its Express-style req/res:
 * the server hands over the parsed activity and the Authorization header and
 * gets the invoke answer back (or the authentication error, thrown, which
 * errors.ts maps to 401 whichever jsonwebtoken or botbuilder raised it).
 */
export class TeamsCloudAdapter extends CloudAdapter {
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The CloudAdapter, configured from the settings: inbound activities are
 * checked against the Bot Framework's signing keys (issuer, audience = our
 * app id, service URL, expiry), outbound calls carry a token for the app
 * (MultiTenant, SingleTenant with its tenant, or a user-assigned managed
 * identity). With no app id botbuilder checks nothing: local testing only.
 */
export function createCloudAdapter(
  settings: TeamsSettings,
  overrides: TeamsRuntimeOverrides = {},
): { adapter: TeamsCloudAdapter; appId: string; scope: string } {
  const app = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId,
  };
  const credentials = overrides.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(app);
  const auth = new ConfigurationBotFrameworkAuthentication({ ...app, ...overrides.endpoints }, credentials);
  return {
    adapter: new TeamsCloudAdapter(auth),
    appId: settings.appId ?? "",
    scope: overrides.endpoints?.ToChannelFromBotOAuthScope ?? PUBLIC_CLOUD_SCOPE,
  };
}
