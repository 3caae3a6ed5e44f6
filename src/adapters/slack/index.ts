import { App, SocketModeReceiver } from "@slack/bolt";
import type { Hono } from "hono";
import type { Conversation } from "../../chat/conversation.ts";
import type { SlackSettings } from "../../config.ts";
import type { ChatRuntime } from "../chat-runtime.ts";
import { createSlackClients, slackLogger, UnknownWorkspaceError } from "./clients.ts";
import { describeFailure, shownSlackApiUrl } from "./credentials-check.ts";
import { registerActions } from "./listeners/actions.ts";
import { registerCommands } from "./listeners/commands.ts";
import type { ListenerDeps } from "./listeners/deps.ts";
import { registerHome } from "./listeners/home.ts";
import { registerMessages } from "./listeners/messages.ts";
import { mountOAuth } from "./oauth.ts";
import { HonoSlackReceiver } from "./receiver.ts";
import { ResponseUrls } from "./response-urls.ts";
import { socketModeLifecycle } from "./socket-mode.ts";
import { createSlackSurface } from "./surface.ts";
import type { SlackRuntimeOptions } from "./types.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * FlowPilot in Slack with Bolt: HTTP mode on the shared server
 * (`/slack/events`), or Socket Mode when SLACK_APP_TOKEN is set. Bot tokens
 * come from SLACK_BOT_TOKEN or, for multi-workspace installs, from the OAuth
 * installation store.
 */
export function createSlackRuntime(settings: SlackSettings, options: SlackRuntimeOptions): ChatRuntime {
  const { logger } = options;
  const clients = createSlackClients(settings, logger, options.installations, options.retries);
  const responseUrls = new ResponseUrls();
  const surface = createSlackSurface(clients, responseUrls, logger);
  let conversation: Conversation | undefined;
  let waitUntil: ((work: Promise<unknown>) => void) | undefined;
  const socketMode = Boolean(settings.appToken);
  const httpReceiver = settings.signingSecret
    ? new HonoSlackReceiver({ signingSecret: settings.signingSecret, logger, now: options.now })
    : undefined;
  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: settings.appToken!,
        logger: slackLogger(logger),
        // No Web API retries for apps.connections.open: socket-mode.ts retries reconnections with
        // its own backoff, and a retry timer left pending at shutdown would outlive the process's work.
        installerOptions: { clientOptions: { ...clients.options, retryConfig: { retries: 0 } } },
        autoReconnectEnabled: true,
      })
    : httpReceiver!;
  const app = new App({
    receiver,
    authorize: async (source) => {
      try {
        return await clients.authorizeEvent(source);
      } catch (err) {
        if (err instanceof UnknownWorkspaceError)
          logger.warn(
            { platform: "slack", refusal: err.refusal, team: source.teamId },
            "slack event refused",
          );
        throw err;
      }
    },
    clientOptions: clients.options,
    logger: slackLogger(logger),
    processBeforeResponse: false,
    ignoreSelf: true,
  });
  const deps: ListenerDeps = {
    conversation: () => {
      if (!conversation) throw new Error("the Slack runtime has no conversation core yet");
      return conversation;
    },
    keepAlive: (work) => {
      waitUntil?.(work);
      return work;
    },
    surface,
    clients,
    responseUrls,
    logger,
  };
  registerCommands(app, deps);
  registerActions(app, deps);
  registerMessages(app, deps);
  registerHome(app, deps);
  app.error(async (err) => {
    // A refused workspace was logged, in plain words, where it was refused.
    if (err.original instanceof UnknownWorkspaceError) return;
    logger.error({ err: err.message, code: (err as { code?: string }).code }, "slack listener error");
  });
  const socket =
    receiver instanceof SocketModeReceiver
      ? socketModeLifecycle(app, receiver, {
          logger,
          describe: (err) =>
            describeFailure(err, {
              setting: "SLACK_APP_TOKEN",
              method: "apps.connections.open",
              apiUrl: shownSlackApiUrl(settings),
            }),
        })
      : undefined;

  return {
    platform: "slack",
    surface,
    attach(core, attachOptions) {
      conversation = core;
      waitUntil = attachOptions?.waitUntil;
      if (waitUntil) httpReceiver?.keepAliveWith(waitUntil);
    },
    mount(server: Hono) {
      if (settings.oauth && options.installations)
        mountOAuth(server, settings.oauth, { clients, installations: options.installations, logger });
      if (!httpReceiver || socketMode) return;
      server.post(SLACK_EVENTS_PATH, (c) => httpReceiver.handle(c));
    },
    start: async () => {
      await socket?.start();
    },
    stop: async () => {
      await socket?.stop();
    },
    describe: () =>
      socketMode
        ? "Slack (Socket Mode)"
        : `Slack (HTTP, ${SLACK_EVENTS_PATH}${settings.oauth ? ", OAuth installs at /slack/install" : ""})`,
  };
}
