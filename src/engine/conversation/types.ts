import type { ViewMessage } from "../views/model.ts";

/**
 * The platform-neutral shapes adapters hand to the conversation core.
 * Platform data stays in `raw`, never in the engine.
 */
export type PlatformKind = "slack" | "teams" | "api" | "console";

export interface AccountRef {
  platform: PlatformKind;
  /** Slack team id, Teams tenant id, API tenant, "local" for the console. */
  externalId: string;
  name?: string;
}

export interface ActorRef {
  platformUserId: string;
  displayName: string;
  /** Whether the platform says this user administers the workspace/team. */
  isAdmin: boolean;
}

/** Where a session lives: a channel/conversation and, optionally, a thread in it. */
export interface Place {
  conversationId: string;
  threadId?: string;
}

interface Incoming {
  account: AccountRef;
  actor: ActorRef;
  place: Place;
  /**
   * The platform's id for this delivery (Slack event_id / trigger id, Teams
   * activity id). A retried delivery carries the same id and is handled once.
   */
  eventId?: string;
  raw?: unknown;
}

export interface IncomingMessage extends Incoming {
  text: string;
  platformMessageId?: string;
  /** The bot was @-mentioned: the message is addressed to FlowPilot. */
  isMention: boolean;
}

export interface IncomingCommand extends Incoming {
  /** "flowpilot" for `/flowpilot …`, "flowpilot-update" for `/flowpilot-update …`. */
  command: "flowpilot" | "flowpilot-update";
  text: string;
}

export interface IncomingAction extends Incoming {
  actionId: string;
  /** The encoded action payload from the button. */
  payload: string;
  /** Free text the engineer typed for actions that ask for it (edit, custom reminder, resolve summary). */
  input?: string;
  /** The message the button was on (the reference post returned): a picker's reply replaces it. */
  sourceMessage?: string;
}

export interface PostOptions {
  /** Only this user (platformUserId) sees the message: Slack ephemeral, a labelled note in the console. */
  ephemeralTo?: string;
}

/** How the core talks back: post a view to a place, or replace one it posted. */
export interface Outbox {
  post(place: Place, view: ViewMessage, options?: PostOptions): Promise<string | undefined>;
  /** Replace a message posted earlier (the "Generating update..." placeholder); may fall back to post. */
  update(place: Place, messageRef: string, view: ViewMessage): Promise<void>;
}
