import type { IntentResult } from "../../intents/index.ts";
import type { UserNameResolver } from "../intake/chat-markup.ts";
import type { ViewMessage } from "../views/model.ts";
import type { UpdateWriter } from "../writers/types.ts";
import type { AccountInfo, ConversationStore, UserInfo } from "./store.ts";
import type { ActorRef, Outbox, Place } from "./types.ts";

/** Minimal structured logger (pino-compatible). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A PSA ticket as far as a session needs it. */
export interface TicketDetails {
  ticketId: string;
  summary?: string;
  company?: string;
  contact?: string;
}

/**
 * The account's PSA as the engine sees it (src/psa implements it): whether
 * one is connected, ticket lookup on session start, and Post to Ticket.
 */
export interface TicketPoster {
  /** Whether this account can post notes (a PSA is connected). */
  isConnected(accountId: string): Promise<boolean>;
  /** The ticket's summary, company and contact; null when the PSA has no such ticket. */
  lookup(accountId: string, ticketId: string): Promise<TicketDetails | null>;
  post(
    accountId: string,
    note: {
      ticketId: string;
      text: string;
      visibility: "internal" | "external";
      resolution: boolean;
      /** The engineer's PSA member, when mapped: the note is written as them. */
      memberIdentifier?: string;
      /** An earlier attempt failed ambiguously: check the ticket before posting again. */
      mayExist?: boolean;
    },
  ): Promise<{ noteId: string; reusedExisting?: boolean }>;
  /** The PSA member with this identifier or e-mail address, or null. */
  findMember(accountId: string, query: string): Promise<{ identifier: string; name: string } | null>;
}

export interface ConversationDeps {
  store: ConversationStore;
  writer: UpdateWriter;
  recognizer: {
    recognize(text: string, thread?: { recent?: () => Promise<readonly string[]> }): Promise<IntentResult>;
  };
  outbox: Outbox;
  tickets?: TicketPoster;
  clock?: () => Date;
  logger?: Logger;
  resolveUserName?: UserNameResolver;
  /** Repeated update requests for one session within this window are debounced. */
  debounceMs?: number;
}

/** One incoming event, resolved to our account and user. */
export interface RequestContext {
  deps: ConversationDeps;
  account: AccountInfo;
  user: UserInfo;
  actor: ActorRef;
  place: Place;
  now: Date;
  reply(view: ViewMessage): Promise<string | undefined>;
}
