/**
 * Chat markup to readable text, the last line before text becomes a session
 * step or a field (adapters parse their platform's markup first, with user
 * names looked up; this catches whatever is left):
 * Slack's `<@U024BE7LH>`, `<#C123|general>`, `<!here>`, `<https://x|label>`,
 * Teams' `<at>Name</at>` and HTML, and `:emoji:` codes. Updates must never
 * show raw platform ids, so unknown user ids become "a teammate".
 */

/**
 * Shortcodes Slack and Teams users type, and their emoji. Only these are
 * rendered; anything else between colons (a custom emoji, `:aa:` in a MAC
 * address, `:aws:` in an ARN, `:db8:` in an IPv6 address) is left as typed.
 */
const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  ballot_box_with_check: "☑️",
  x: "❌",
  heavy_multiplication_x: "✖️",
  no_entry: "⛔",
  no_entry_sign: "🚫",
  warning: "⚠️",
  thumbsup: "👍",
  "+1": "👍",
  thumbsdown: "👎",
  "-1": "👎",
  clap: "👏",
  muscle: "💪",
  raised_hands: "🙌",
  point_up: "☝️",
  point_right: "👉",
  point_left: "👈",
  tada: "🎉",
  eyes: "👀",
  fire: "🔥",
  rocket: "🚀",
  smile: "🙂",
  smiley: "😃",
  grinning: "😀",
  grin: "😁",
  joy: "😂",
  laughing: "😆",
  sweat_smile: "😅",
  wink: "😉",
  blush: "😊",
  slightly_smiling_face: "🙂",
  upside_down_face: "🙃",
  thinking_face: "🤔",
  face_palm: "🤦",
  facepalm: "🤦",
  shrug: "🤷",
  confused: "😕",
  disappointed: "😞",
  cry: "😢",
  sob: "😭",
  scream: "😱",
  rage: "😡",
  sweat: "😓",
  grimacing: "😬",
  sunglasses: "😎",
  heart: "❤️",
  pray: "🙏",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  stopwatch: "⏱️",
  alarm_clock: "⏰",
  rotating_light: "🚨",
  bug: "🐛",
  lock: "🔒",
  unlock: "🔓",
  key: "🔑",
  question: "❓",
  exclamation: "❗",
  heavy_exclamation_mark: "❗",
  ok_hand: "👌",
  wave: "👋",
  pizza: "🍕",
  coffee: "☕",
  beers: "🍻",
  sandwich: "🥪",
  arrow_right: "➡️",
  arrow_left: "⬅️",
  arrow_up: "⬆️",
  arrow_down: "⬇️",
  arrows_counterclockwise: "🔄",
  repeat: "🔁",
  hammer_and_wrench: "🛠️",
  wrench: "🔧",
  gear: "⚙️",
  computer: "💻",
  printer: "🖨️",
  email: "📧",
  envelope: "✉️",
  phone: "☎️",
  telephone_receiver: "📞",
  memo: "📝",
  pencil: "📝",
  pushpin: "📌",
  link: "🔗",
  mag: "🔍",
  bulb: "💡",
  zap: "⚡",
  boom: "💥",
  skull: "💀",
  ghost: "👻",
  sparkles: "✨",
  star: "⭐",
  "100": "💯",
  green_heart: "💚",
  red_circle: "🔴",
  large_green_circle: "🟢",
  large_yellow_circle: "🟡",
  white_circle: "⚪",
  construction: "🚧",
  calendar: "📆",
  date: "📅",
  chart_with_upwards_trend: "📈",
  chart_with_downwards_trend: "📉",
  see_no_evil: "🙈",
  party_popper: "🎉",
  partying_face: "🥳",
  sleeping: "😴",
  zzz: "💤",
  "skin-tone-2": "",
  "skin-tone-3": "",
  "skin-tone-4": "",
  "skin-tone-5": "",
  "skin-tone-6": "",
};

const SLACK_TOKEN = /<([@#!])([^>|]+)(?:\|([^>]*))?>|<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>/g;
const TEAMS_MENTION = /<at[^>]*>(.*?)<\/at>/gi;
const HTML_TAG = /<\/?(?:p|div|span|br|b|strong|i|em|u|a|ul|ol|li|code|pre|blockquote)\b[^>]*>/gi;
/**
 * Shortcodes standing as a word of their own (between spaces, or at the
 * text's edges), one or several in a row (`:thumbsup::skin-tone-2:`); never
 * part of a longer token.
 */
const EMOJI_RUN = /(?<!\S)(?::[a-z0-9_+-]+:)+(?!\S)/g;
const HTML_ENTITY: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": " ",
};

/** A run of shortcodes as emoji, when every one of them is known; otherwise as typed. */
function renderEmojiRun(run: string): string {
  const names = run.slice(1, -1).split("::");
  if (!names.every((name) => name in EMOJI)) return run;
  return names.map((name) => EMOJI[name]).join("");
}

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
  const marked = text
    .replace(/\u0000/g, "")
    .replace(SCRIPT_BLOCK, REMOVED)
    .replace(TEAMS_MENTION, (_, name: string) => `@${name.trim()}`)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(HTML_TAG, REMOVED)
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
        if (BROADCAST.has(special)) return REMOVED;
        // <!subteam^ID|@team>, <!date^...|fallback>
        return label || REMOVED;
      },
    )
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => HTML_ENTITY[e] ?? e)
    // Known shortcodes become their emoji; a custom one, or a run with one, stays as typed.
    .replace(EMOJI_RUN, (run) => renderEmojiRun(run) || REMOVED);
  return marked.includes(REMOVED) ? closeGaps(marked) : marked;
}

/** Where markup was removed: a placeholder, so only the spaces around it are tidied. */
const REMOVED = "\u0000";

/**
 * The spaces left around removed markup closed up ("hi <!here> all" reads
 * "hi all", a removed tag at a line's edge leaves no space); spacing
 * elsewhere, such as aligned columns in pasted output, stays as typed.
 */
function closeGaps(text: string): string {
  return text.replace(/[ \t]*(?:\u0000[ \t]*)+/g, (gap, at: number) => {
    const before = text[at - 1];
    const after = text[at + gap.length];
    if (before === undefined || before === "\n" || after === undefined || after === "\n") return "";
    return /[ \t]/.test(gap) ? " " : "";
  });
}
