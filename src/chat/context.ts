import type { TurnRecognizer } from "../domain/index.ts";
import type { SessionDeps } from "../sessions/deps.ts";
import type { AccountInfo, ActorRef, ThreadRef, UserInfo } from "../sessions/types.ts";
import type { ChatSurface, MessageRef } from "./types.ts";
import type { ViewMessage } from "./views/model.ts";

/** The conversation core's needs: the session use cases' deps plus the recognizer and the chat surface. */
export interface ConversationDeps extends SessionDeps {
  /** Reads each message as a request, a follow-up to the update on screen, a maybe (ask) or chatter. */
  recognizer: TurnRecognizer;
  surface: ChatSurface;
  /** Repeated update requests for one session within this window are debounced. */
  debounceMs?: number;
  /**
   * Ack first, finish later: given, slow work (writing an update, a model
   * call of up to 20 s) runs after the handler returns, so an adapter can
   * acknowledge within Slack's 3 s / Teams' 15 s; the promise is handed here
   * to be kept alive (a serverless waitUntil, or a set the process awaits on
   * shutdown). Not given (console, CLI, tests by default): the work is awaited
   * before the handler returns.
   */
  waitUntil?: (work: Promise<unknown>) => void;
}

/** One incoming event, resolved to our account and user. */
export interface RequestContext {
  deps: ConversationDeps;
  account: AccountInfo;
  user: UserInfo;
  actor: ActorRef;
  /** Where the event came from and where replies go. */
  thread: ThreadRef;
  now: Date;
  reply(view: ViewMessage): Promise<MessageRef | undefined>;
  /**
   * Runs slow work after the acknowledgement when the adapter allows it
   * (deps.waitUntil), else now. Errors in deferred work still reach the user
   * as an error message, and are logged.
   */
  later(work: () => Promise<void>): Promise<void>;
}
