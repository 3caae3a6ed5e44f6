/** Slack's response_url works for 30 minutes after the command or click that carried it. */
const RESPONSE_URL_TTL_MS = 30 * 60_000;
const MAX_REMEMBERED = 5_000;

/**
 * The latest response_url per (channel, user), kept in memory only: it lets
 * an ephemeral reply reach people where chat.postEphemeral cannot (DMs with
 * the bot, channels it is not in). Deferred work runs in the process that
 * received the event, so memory is enough; it is never stored.
 */
export class ResponseUrls {
  private readonly urls = new Map<string, { url: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(channel: string | undefined, user: string | undefined, url: string | undefined): void {
    if (!channel || !user || !url) return;
    const key = `${channel}:${user}`;
    this.urls.delete(key);
    this.urls.set(key, { url, at: this.now() });
    // Oldest first in insertion order: drop the oldest beyond the cap.
    if (this.urls.size > MAX_REMEMBERED) this.urls.delete(this.urls.keys().next().value!);
  }

  find(channel: string, user: string): string | undefined {
    const hit = this.urls.get(`${channel}:${user}`);
    return hit && this.now() - hit.at < RESPONSE_URL_TTL_MS ? hit.url : undefined;
  }
}
