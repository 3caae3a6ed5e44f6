import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isFlowPilotError } from "../../../errors.ts";
import {
  EDIT_TEMPLATES_ACTION,
  homeTab,
  readTemplatesModal,
  TEMPLATES_MODAL_CALLBACK,
  templatesModal,
} from "../home.ts";
import { type ListenerDeps, slackAccount } from "./deps.ts";

/**
 * App Home: the user's open sessions with their update history, and the
 * team's templates, which workspace admins (users.info, cached) can edit in
 * a modal.
 */
export function registerHome(app: App, deps: ListenerDeps): void {
  async function publish(client: WebClient, teamId: string, userId: string) {
    const account = slackAccount(teamId);
    const actor = { platformUserId: userId };
    const [view, user] = await Promise.all([
      deps.conversation().homeView(account, actor),
      deps.surface.resolveUser(account, userId),
    ]);
    await client.views.publish({ user_id: userId, view: homeTab(view, Boolean(user?.isAdmin)) });
  }

  app.event("app_home_opened", async ({ event, body, context, client }) => {
    if (event.tab !== "home") return;
    await publish(client, body.team_id ?? context.teamId ?? "", event.user);
  });

  app.action(EDIT_TEMPLATES_ACTION, async ({ ack, body, client }) => {
    await ack();
    const teamId = body.team?.id ?? "";
    const user = await deps.surface.resolveUser(slackAccount(teamId), body.user.id);
    if (!user?.isAdmin || !("trigger_id" in body)) return;
    const { templates, companyName } = await deps.conversation().teamTemplates(slackAccount(teamId));
    await client.views.open({ trigger_id: body.trigger_id, view: templatesModal(templates, companyName) });
  });

  app.view(TEMPLATES_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    try {
      await deps
        .conversation()
        .saveTemplates(
          slackAccount(teamId),
          { platformUserId: body.user.id },
          readTemplatesModal(view.state.values),
        );
    } catch (err) {
      if (!isFlowPilotError(err)) throw err;
      await ack({ response_action: "errors", errors: { client_tone: err.userMessage } });
      return;
    }
    await ack();
    await publish(client, teamId, body.user.id);
  });
}

/** Events the app subscribes to (the manifest's bot_events). */
export const HOME_EVENTS = ["app_home_opened"] as const;
