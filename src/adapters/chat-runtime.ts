import type { Hono } from "hono";
import type { Conversation } from "../chat/conversation.ts";
import type { ChatSurface } from "../chat/types.ts";
import type { ServedChatPlatform } from "../domain/index.ts";

/**
 * One chat platform running inside the shared HTTP server (Slack, Teams).
 * The app layer builds a conversation core on the runtime's surface, hands
 * it over with `attach`, mounts the routes, and fires the platform's
 * reminders; every platform type stays inside its adapter folder.
 */
export interface ChatRuntime {
  readonly platform: ServedChatPlatform;
  readonly surface: ChatSurface;
  /** Mounts the platform's routes (Slack `/slack/events`, Teams `/api/messages`) on the shared server. */
  // biome-ignore lint/suspicious/noExplicitAny: the shared server's Hono env belongs to the HTTP adapter
  mount(app: Hono<any>): void;
  /**
   * The conversation core built on `surface`; events are answered 503 until
   * it is attached. `waitUntil` keeps work that runs after an acknowledgement
   * alive (the server awaits it on shutdown).
   */
  attach(conversation: Conversation, options?: { waitUntil?: (work: Promise<unknown>) => void }): void;
  /** Connections of its own (Slack Socket Mode); resolves once connected. */
  start?(): Promise<void>;
  /** Closes those connections. */
  stop?(): Promise<void>;
  /** One line for the start-up banner, e.g. "Slack (HTTP, /slack/events)". */
  describe(): string;
}
