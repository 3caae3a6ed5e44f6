import type { App } from "@slack/bolt";
import { type ListenerDeps, readableText, slackThread } from "./deps.ts";

/** The two slash commands the manifest declares. */
export const SLASH_COMMANDS = ["/flowpilot", "/flowpilot-update"] as const;

/** `/flowpilot …` and `/flowpilot-update …`: acknowledged at once, then handed to the core. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  for (const name of SLASH_COMMANDS) {
    app.command(name, async ({ command, ack }) => {
      await ack();
      deps.responseUrls.remember(command.channel_id, command.user_id, command.response_url);
      await deps.keepAlive(
        deps.conversation().handleCommand({
          thread: slackThread(command.team_id, command.channel_id),
          actor: { platformUserId: command.user_id },
          command: name === "/flowpilot" ? "flowpilot" : "flowpilot-update",
          text: await readableText(deps, command.team_id, command.text ?? ""),
          eventId: `command:${command.trigger_id}`,
        }),
      );
    });
  }
}
