import { mentionedUserIds, normalizeChatMarkupWith } from "../../engine/intake/chat-markup.ts";

/** Looks up a Slack user's name (users.info, a cache); undefined when unknown. */
export type SlackNameLookup = (userId: string) => Promise<string | undefined> | string | undefined;

/**
 * A Slack message as the core receives it: plain text, `<@U024BE7LH>`
 * mentions replaced by the user's name (an unknown id becomes "a teammate",
 * never the raw id), channels, links, broadcasts and emoji codes readable.
 */
export async function parseSlackText(text: string, lookupName: SlackNameLookup): Promise<string> {
  const names = new Map<string, string>();
  await Promise.all(
    mentionedUserIds(text).map(async (id) => {
      const name = await lookupName(id);
      if (name) names.set(id, name);
    }),
  );
  return normalizeChatMarkupWith(text, names);
}
