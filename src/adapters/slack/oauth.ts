import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { type Installation, InstallProvider } from "@slack/oauth";
import type { Hono } from "hono";
import type { SlackSettings } from "../../config.ts";
import type { Logger } from "../../engine/conversation/context.ts";
import { type SlackClients, slackLogger } from "./clients.ts";
import type { SlackInstallationStore } from "./types.ts";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes an install asks for: exactly the manifest's (a test keeps them in step). */
export const BOT_SCOPES = [
  "app_mentions:read",
  "channels:history",
  "channels:read",
  "chat:write",
  "commands",
  "groups:history",
  "groups:read",
  "im:history",
  "im:write",
  "users:read",
] as const;

/**
 * Multi-workspace installs: `/slack/install` sends the admin to Slack's
 * consent page (state in a signed cookie), `/slack/oauth_redirect` exchanges
 * the code (oauth.v2.access) and stores the workspace's bot token, encrypted.
 */
export function mountOAuth(
  server: Hono,
  oauth: NonNullable<SlackSettings["oauth"]>,
  deps: { clients: SlackClients; installations: SlackInstallationStore; logger: Logger },
): void {
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    directInstall: true,
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    clientOptions: deps.clients.options,
    logger: slackLogger(deps.logger),
    installationStore: {
      storeInstallation: async (installation: Installation) => {
        const teamId = installation.team?.id ?? installation.enterprise?.id;
        if (!teamId || !installation.bot?.token)
          throw new Error("the installation carries no workspace or bot token");
        await deps.installations.save({
          teamId,
          teamName: installation.team?.name,
          enterpriseId: installation.enterprise?.id,
          botToken: installation.bot.token,
          botId: installation.bot.id,
          botUserId: installation.bot.userId,
          installedBy: installation.user?.id,
          scopes: installation.bot.scopes,
        });
        deps.logger.info({ teamId }, "slack workspace installed");
      },
      fetchInstallation: async (query) => {
        const found = await deps.installations.find(query.teamId ?? query.enterpriseId ?? "");
        if (!found) throw new Error("no installation for this workspace");
        return {
          team: { id: found.teamId, name: found.teamName },
          enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
          bot: {
            token: found.botToken,
            id: found.botId ?? "",
            userId: found.botUserId ?? "",
            scopes: found.scopes ?? [],
          },
          user: { id: found.installedBy ?? "", token: undefined, scopes: undefined },
        } as Installation;
      },
      deleteInstallation: async (query) => {
        await deps.installations.delete(query.teamId ?? query.enterpriseId ?? "");
      },
    },
  });

  const node = (env: unknown) => env as { incoming: IncomingMessage; outgoing: ServerResponse };
  server.get(INSTALL_PATH, async (c) => {
    const { incoming, outgoing } = node(c.env);
    await installer.handleInstallPath(incoming, outgoing);
    return RESPONSE_ALREADY_SENT;
  });
  server.get(REDIRECT_PATH, async (c) => {
    const { incoming, outgoing } = node(c.env);
    await installer.handleCallback(incoming, outgoing);
    return RESPONSE_ALREADY_SENT;
  });
}
