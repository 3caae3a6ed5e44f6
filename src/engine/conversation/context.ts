import type { IntentRecognizer, TicketPort } from "../../domain/index.ts";
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

export interface ConversationDeps {
  store: ConversationStore;
  writer: UpdateWriter;
  recognizer: IntentRecognizer;
  outbox: Outbox;
  tickets?: TicketPort;
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
