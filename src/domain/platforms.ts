/**
 * Every place sessions come from, listed once: the chat platforms served by
 * the shared HTTP server, the local console and the REST API. Everything
 * that depends on the list (account keys, the CLI's --account, which
 * runtimes the server builds) reads it from here.
 */
export const PLATFORMS = ["slack", "teams", "api", "console"] as const;
export type PlatformKind = (typeof PLATFORMS)[number];

/** The chat platforms that run inside the shared HTTP server (each an adapter with a runtime). */
export const SERVED_CHAT_PLATFORMS = ["slack", "teams"] as const satisfies readonly PlatformKind[];
export type ServedChatPlatform = (typeof SERVED_CHAT_PLATFORMS)[number];

/** Whether a text names a platform (`--account slack:T024BE7LH`). */
export function isPlatformKind(value: string): value is PlatformKind {
  return (PLATFORMS as readonly string[]).includes(value);
}
