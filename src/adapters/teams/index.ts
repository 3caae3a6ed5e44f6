import type { Activity } from "botbuilder";
import type { Hono } from "hono";
import type { Conversation } from "../../chat/conversation.ts";
import type { TeamsSettings } from "../../config.ts";
import type { Logger } from "../../domain/index.ts";
import type { ThreadRef } from "../../sessions/types.ts";
import type { ChatRuntime } from "../chat-runtime.ts";
import { FlowPilotTeamsBot } from "./bot.ts";
import { describeTeamsError, refusalOf, statusForTurnError } from "./errors.ts";
import { TeamsMembers } from "./members.ts";
import { createTeamsSurface } from "./surface.ts";
import { CardMemory, newTurnScope, runInTurn } from "./turn-scope.ts";
import { TEAMS_GLOBAL_SERVICE_URL, type TeamsRuntimeOverrides } from "./types.ts";
import { createCloudAdapter } from "./verify.ts";

export type { TeamsBotEndpoints, TeamsRuntimeOverrides } from "./types.ts";

export const TEAMS_MESSAGES_PATH = "/api/messages";

/**
 * FlowPilot in Microsoft Teams: botbuilder's CloudAdapter behind
 * `POST /api/messages` on the shared server. Every botbuilder type stays in
 * this folder, so moving to the Teams SDK later touches nothing else.
 */
export function createTeamsRuntime(
  settings: TeamsSettings,
  deps: { logger: Logger; overrides?: TeamsRuntimeOverrides },
): ChatRuntime {
  const { logger } = deps;
  const { adapter, appId, scope } = createCloudAdapter(settings, deps.overrides);
  if (!appId)
    logger.warn(
      { platform: "teams" },
      "Teams runs UNAUTHENTICATED (no MicrosoftAppId): anyone who can reach /api/messages can act as any user. For local testing only.",
    );
  const cards = new CardMemory();
  const places = new Map<string, ThreadRef>();
  const members = new TeamsMembers(adapter, appId, new Set(settings.admins ?? []));
  let conversation: Conversation | undefined;
  let waitUntil: ((work: Promise<unknown>) => void) | undefined;
  const defer = (work: Promise<unknown>) => {
    const logged = work.catch((err) =>
      logger.error({ err: describeTeamsError(err) }, "teams: card update after an invoke failed"),
    );
    waitUntil?.(logged);
  };
  const surface = createTeamsSurface({
    adapter,
    appId,
    scope,
    defaultServiceUrl: deps.overrides?.defaultServiceUrl ?? TEAMS_GLOBAL_SERVICE_URL,
    cards,
    members,
    places,
    defer,
    logger,
  });
  const bot = new FlowPilotTeamsBot({
    settings,
    conversation: () => conversation!,
    members,
    cards,
    places,
    logger,
  });
  adapter.onTurnError = async (_context, err) => {
    logger.error({ err: describeTeamsError(err) }, "teams: turn failed");
  };

  return {
    platform: "teams",
    surface,
    attach(attached: Conversation, options?: { waitUntil?: (work: Promise<unknown>) => void }) {
      conversation = attached;
      waitUntil = options?.waitUntil;
    },
    // biome-ignore lint/suspicious/noExplicitAny: the shared server's Hono env belongs to the HTTP adapter
    mount(app: Hono<any>) {
      app.post(TEAMS_MESSAGES_PATH, async (c) => {
        if (!conversation) return c.json({ error: "FlowPilot is starting" }, 503);
        const body = await c.req.json().catch(() => undefined);
        if (!body || typeof body !== "object" || typeof (body as Activity).type !== "string")
          return c.json({ error: "expected a Bot Framework activity" }, 400);
        const turn = newTurnScope();
        const authHeader = c.req.header("authorization") ?? "";
        try {
          const answer = await runInTurn(turn, () =>
            adapter.handle(authHeader, body as Activity, (context) => bot.run(context)),
          );
          if (!answer) return c.body(null, 200);
          return answer.body === undefined
            ? c.body(null, answer.status as 200)
            : c.json(answer.body as object, answer.status as 200);
        } catch (err) {
          const status = statusForTurnError(err);
          if (status === 401)
            logger.warn(
              { platform: "teams", refusal: refusalOf(err, authHeader), status },
              "teams: activity refused",
            );
          else logger.error({ err: describeTeamsError(err), status }, "teams: activity failed");
          return c.json({ error: status === 401 ? "Unauthorized" : "Internal error" }, status);
        } finally {
          turn.markAnswered();
        }
      });
    },
    describe: () => `Teams (${appId ? settings.appType : "unauthenticated"}, ${TEAMS_MESSAGES_PATH})`,
  };
}
