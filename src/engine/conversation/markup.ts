/**
 * Chat markup to readable text, before a message becomes a session step:
 * Slack's `<@U024BE7LH>`, `<#C123|general>`, `<!here>`, `<https://x|label>`,
 * Teams' `<at>Name</at>` and HTML, and `:emoji:` codes. Updates must never
 * show raw platform ids, so unknown user ids become "a teammate".
 */
export type UserNameResolver = (userId: string) => Promise<string | undefined> | string | undefined;

const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  x: "❌",
  warning: "⚠️",
  thumbsup: "👍",
  "+1": "👍",
  thumbsdown: "👎",
  "-1": "👎",
  tada: "🎉",
  eyes: "👀",
  fire: "🔥",
  rocket: "🚀",
  smile: "🙂",
  slightly_smiling_face: "🙂",
  pray: "🙏",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  rotating_light: "🚨",
  bug: "🐛",
  lock: "🔒",
  question: "❓",
  exclamation: "❗",
  ok_hand: "👌",
  wave: "👋",
};

const SLACK_TOKEN = /<([@#!])([^>|]+)(?:\|([^>]*))?>|<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>/g;
const TEAMS_MENTION = /<at[^>]*>(.*?)<\/at>/gi;
const HTML_TAG = /<\/?(?:p|div|span|br|b|strong|i|em|u|a|ul|ol|li|code|pre|blockquote)\b[^>]*>/gi;
const EMOJI_CODE = /:([a-z0-9_+-]+):/g;
const HTML_ENTITY: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": " ",
};

/** Resolves platform markup in one message to plain readable text. */
export async function normalizeChatMarkup(text: string, resolveUser: UserNameResolver): Promise<string> {
  const userIds = new Set<string>();
  for (const m of text.matchAll(SLACK_TOKEN)) if (m[1] === "@" && !m[3]) userIds.add(m[2]!);
  const names = new Map<string, string>();
  await Promise.all(
    [...userIds].map(async (id) => {
      const name = await resolveUser(id);
      if (name) names.set(id, name);
    }),
  );

  return (
    text
      .replace(TEAMS_MENTION, (_, name: string) => `@${name.trim()}`)
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(HTML_TAG, "")
      .replace(
        SLACK_TOKEN,
        (_all, sigil?: string, id?: string, label?: string, url?: string, urlLabel?: string) => {
          if (url)
            return urlLabel && urlLabel !== url.replace(/^mailto:/, "")
              ? `${urlLabel} (${url.replace(/^mailto:/, "")})`
              : url.replace(/^mailto:/, "");
          if (sigil === "@") return `@${label || names.get(id!) || "a teammate"}`;
          if (sigil === "#") return label ? `#${label}` : "#a channel";
          // <!here>, <!channel>, <!subteam^ID|@team>, <!date^...|fallback>
          if (label) return label;
          return `@${(id ?? "").split("^")[0]}`;
        },
      )
      .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => HTML_ENTITY[e] ?? e)
      // Unknown (custom) emoji carry no information for an update; "10:30:45" is not an emoji.
      .replace(EMOJI_CODE, (all, name: string) => EMOJI[name] ?? (/[a-z]/.test(name) ? "" : all))
      .replace(/[ \t]+\n/g, "\n")
      .trim()
  );
}
