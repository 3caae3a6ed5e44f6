import type { Activity } from "botbuilder";
import { findCommand } from "../../chat/commands.ts";
import { normalizeChatMarkupWith } from "../../engine/intake/chat-markup.ts";

/**
 * A Teams message as the core receives it: plain text, `<at>Name</at>`
 * mentions as "@Name" (Teams puts the name in the markup), HTML as text.
 */
export function parseTeamsText(text: string): string {
  return normalizeChatMarkupWith(text, new Map());
}

/** What a Teams message asks the core for. */
export type TeamsInput =
  | { kind: "command"; command: "flowpilot" | "flowpilot-update"; text: string }
  | { kind: "message"; text: string; isMention: boolean };

/**
 * The rule for typed commands. A message is a command when it is addressed
 * to FlowPilot (the bot is @-mentioned, it is the personal chat with the
 * bot, or it starts with "/flowpilot" as in Slack) and, once the bot's mention (and an optional leading "flowpilot") is
 * removed, its first word is a command of COMMANDS or one of their aliases:
 * "update …" goes to the update flow (as /flowpilot-update), the others run
 * as /flowpilot <command> …. Everything else is a message of the session,
 * addressed to FlowPilot when the bot was mentioned. So troubleshooting
 * chatter in a channel thread that starts with "resolve" or "update" stays
 * chatter unless the engineer mentions the bot.
 */
export function readTeamsMessage(activity: Activity): TeamsInput {
  const botId = activity.recipient?.id;
  let raw = activity.text ?? "";
  let mentioned = false;
  for (const entity of activity.entities ?? []) {
    if (entity.type !== "mention" || entity.mentioned?.id !== botId) continue;
    mentioned = true;
    if (typeof entity.text === "string" && entity.text) raw = raw.split(entity.text).join(" ");
  }
  const text = parseTeamsText(raw).replace(/\s+/g, " ").trim();
  const slashed = /^\/flowpilot\b/i.test(text);
  const addressed = mentioned || activity.conversation?.conversationType === "personal" || slashed;
  if (addressed) {
    const line = text.replace(/^\/?flowpilot\b\s*/i, "");
    const word = line.split(" ")[0]!.toLowerCase();
    if (word === "update")
      return { kind: "command", command: "flowpilot-update", text: line.slice(word.length).trim() };
    // A command Teams does not offer ("name …") is chatter, unless typed as /flowpilot: then it says why not.
    if (word && findCommand(word, slashed ? undefined : "teams"))
      return { kind: "command", command: "flowpilot", text: line };
  }
  return { kind: "message", text, isMention: addressed };
}
