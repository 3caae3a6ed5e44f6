import type { AccountRef, ActorRef, ThreadRef } from "../sessions/types.ts";
import type { ViewMessage } from "./views/model.ts";

/**
 * The platform-neutral shapes adapters hand to the conversation core.
 * Platform data stays in `raw`, never in the core.
 */

/** A message the bot posted, as the platform knows it (Slack ts, Teams activity id, console line number). */
export interface MessageRef {
  thread: ThreadRef;
  id: string;
  /**
   * The thread id replies to this message carry, where the platform threads
   * replies under a message (Slack: the message's ts); absent elsewhere.
   */
  startsThread?: string;
}

interface Incoming {
  /** The conversation the event came from; `thread.account` is the workspace or tenant. */
  thread: ThreadRef;
  actor: ActorRef;
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
  /**
   * The adapter can ask for a command's missing text (the console): a
   * command typed without the text it declares as `input` then ends
   * `needs_input` with what to ask, instead of answering with its usage.
   */
  canAsk?: boolean;
  /** The text asked for after a `needs_input` outcome (what fixed it, the new text). */
  input?: string;
}

export interface IncomingAction extends Incoming {
  actionId: string;
  /** The encoded action payload from the button. */
  payload: string;
  /** Free text the engineer typed for actions that ask for it (edit, custom reminder, resolve summary). */
  input?: string;
  /** The message the button was on: a picker's reply replaces it. */
  sourceMessage?: MessageRef;
}

export interface PostOptions {
  /** Only this user (platformUserId) sees the message: Slack ephemeral, a labelled note in the console. */
  ephemeralTo?: string;
}

/** What a platform says about one of its users. */
export interface PlatformUser {
  displayName: string;
  isAdmin: boolean;
}

/**
 * How the core talks to a chat platform (the shape vercel/chat's Adapter has
 * proven): each adapter implements it over its SDK; the console over stdout.
 */
export interface ChatSurface {
  /**
   * Reminders go to the requester's direct messages, with a short note in the
   * session's thread (Slack); otherwise they are posted in the thread,
   * mentioning the requester (Teams, console).
   */
  readonly remindsByDirectMessage?: boolean;
  /**
   * The platform edits a posted message in place (Slack, Teams), so the core
   * may refresh one later (the session header); the console prints
   * replacements below and does not set it.
   */
  readonly editsMessages?: boolean;
  /**
   * The engineer chose the name FlowPilot signs them with (`/flowpilot
   * name`, offered where the platform has no profile to take it from: the
   * console). The adapter sends it with their events from now on; a text it
   * returns is added to the confirmation (the console: a setting that wins
   * at the next start).
   */
  nameChosen?(account: AccountRef, platformUserId: string, displayName: string): string | undefined;
  post(thread: ThreadRef, view: ViewMessage, options?: PostOptions): Promise<MessageRef | undefined>;
  /** Replaces a message posted earlier (a placeholder, a picker); may fall back to posting. */
  update(message: MessageRef, view: ViewMessage): Promise<void>;
  /** The direct conversation with one user (a DM), or undefined where there is none. */
  openDirect(account: AccountRef, platformUserId: string): Promise<ThreadRef | undefined>;
  /** A user's name and admin flag, for events that carry neither; null when the platform does not know them. */
  resolveUser(account: AccountRef, platformUserId: string): Promise<PlatformUser | null>;
}
