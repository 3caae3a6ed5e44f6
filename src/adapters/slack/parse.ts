import {
  mentionedChannelIds,
  mentionedUserIds,
  normalizeChatMarkupWith,
} from "../../engine/intake/chat-markup.ts";

/** Looks up a Slack user's or channel's name (users.info / conversations.info, cached); undefined when unknown. */
export type SlackNameLookup = (id: string) => Promise<string | undefined> | string | undefined;

/**
 * A Slack message as the core receives it: plain text, `<@U024BE7LH>`
 * mentions replaced by the user's name (an unknown id becomes "a teammate",
 * never the raw id), `<#C123>` by the channel's name, links, broadcasts and
 * emoji codes readable. `lookupChannel` is optional (names in `<#C123|name>`
 * need none).
 */
export async function parseSlackText(
  text: string,
  lookupName: SlackNameLookup,
  lookupChannel?: SlackNameLookup,
): Promise<string> {
  const names = new Map<string, string>();
  const lookups = [
    ...mentionedUserIds(text).map((id) => [id, lookupName] as const),
    ...(lookupChannel ? mentionedChannelIds(text).map((id) => [id, lookupChannel] as const) : []),
  ];
  await Promise.all(
    lookups.map(async ([id, lookup]) => {
      const name = await lookup(id);
      if (name) names.set(id, name);
    }),
  );
  return normalizeChatMarkupWith(text, names);
}

/** `<@UBOT>` of the bot itself, dropped before recognition: "@FlowPilot quick update" reads "quick update". */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[,:]?\\s*`, "g"), "").trim();
}
