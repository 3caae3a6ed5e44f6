/**
 * Chat markup to readable text, the last line before text becomes a session
 * step or a field (adapters parse their platform's markup first, with user
 * names looked up; this catches whatever is left):
 * Slack's `<@U024BE7LH>`, `<#C123|general>`, `<!here>`, `<https://x|label>`,
 * Teams' `<at>Name</at>` and HTML, and `:emoji:` codes. Updates must never
 * show raw platform ids, so unknown user ids become "a teammate".
 */

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

/** Slack user ids in a text that have no label, to look up before normalising. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(SLACK_TOKEN)) if (m[1] === "@" && !m[3]) ids.add(m[2]!);
  return [...ids];
}

/** Slack channel ids in a text that have no label (`<#C123>`), to look up before normalising. */
export function mentionedChannelIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(SLACK_TOKEN)) if (m[1] === "#" && !m[3]) ids.add(m[2]!);
  return [...ids];
}

/** Broadcast mentions (`<!channel>`, `<!here>`, `<!everyone>`) carry nothing for an update. */
const BROADCAST = new Set(["channel", "here", "everyone", "group"]);
const SCRIPT_BLOCK = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Platform markup in one message to plain readable text, with the names
 * already looked up (unknown ids read "a teammate"). Pure: transcripts and
 * imported sessions use it directly.
 */
export function normalizeChatMarkupWith(text: string, names: ReadonlyMap<string, string>): string {
  if (!/[<:&]/.test(text)) return text;
  return (
    text
      .replace(SCRIPT_BLOCK, "")
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
          if (sigil === "@") return `@${label?.replace(/^@/, "") || names.get(id!) || "a teammate"}`;
          if (sigil === "#") return `#${label || names.get(id!) || "a channel"}`;
          const special = (id ?? "").split("^")[0]!;
          if (BROADCAST.has(special)) return "";
          // <!subteam^ID|@team>, <!date^...|fallback>
          return label ?? "";
        },
      )
      .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => HTML_ENTITY[e] ?? e)
      // Unknown (custom) emoji carry no information for an update; "10:30:45" is not an emoji.
      .replace(EMOJI_CODE, (all, name: string) => EMOJI[name] ?? (/[a-z]/.test(name) ? "" : all))
      .replace(/[ \t]+\n/g, "\n")
      .replace(/[ \t]{2,}/g, " ")
      .trim()
  );
}
