import type { IncomingMessage, ServerResponse } from "node:http";
import { type Installation, InstallProvider } from "@slack/oauth";
import type { Hono } from "hono";
import type { SlackSettings } from "../../config.ts";
import type { Logger, SlackInstallationStore } from "../../domain/index.ts";
import { type SlackClients, slackLogger } from "./clients.ts";

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

  server.get(INSTALL_PATH, (c) => captured(c.req.raw, (req, res) => installer.handleInstallPath(req, res)));
  server.get(REDIRECT_PATH, (c) => captured(c.req.raw, (req, res) => installer.handleCallback(req, res)));
}

/**
 * Runs one of InstallProvider's Node-style handlers against the request and
 * turns what it writes (status, headers such as the state cookie and the
 * redirect, the HTML page) into a Response for our server.
 */
async function captured(
  request: Request,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Response> {
  const url = new URL(request.url);
  const req = {
    url: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(request.headers),
    method: request.method,
  };
  const headers = new Headers();
  let status = 200;
  let body = "";
  const set = (name: string, value: unknown) => {
    headers.delete(name);
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
  };
  const res = {
    get statusCode() {
      return status;
    },
    set statusCode(code: number) {
      status = code;
    },
    setHeader: set,
    getHeader: (name: string) => headers.get(name) ?? undefined,
    writeHead(code: number, head?: Record<string, unknown>) {
      status = code;
      for (const [name, value] of Object.entries(head ?? {})) set(name, value);
      return res;
    },
    end(chunk?: string | Buffer) {
      if (chunk) body += String(chunk);
      return res;
    },
  };
  await handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  return new Response(status === 204 || status === 302 ? null : body, { status, headers });
}
