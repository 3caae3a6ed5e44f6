import { normalizeChatMarkupWith } from "../../engine/intake/chat-markup.ts";

/**
 * A Teams message as the core receives it: plain text, `<at>Name</at>`
 * mentions as "@Name" (Teams puts the name in the markup), HTML as text.
 */
export function parseTeamsText(text: string): string {
  return normalizeChatMarkupWith(text, new Map());
}
