import type { TicketPort } from "../../domain/index.ts";
import type { Logger } from "../conversation/context.ts";
import type { ConversationStore } from "../conversation/store.ts";
import type { UpdateWriter } from "../writers/types.ts";

/**
 * What a session use case needs: persistence, the writer, the PSA and a
 * clock. Chat flows pass their deps (a superset); the REST API passes its own.
 * No chat context, no views: use cases return data.
 */
export interface SessionDeps {
  store: ConversationStore;
  writer: UpdateWriter;
  tickets?: TicketPort;
  clock?: () => Date;
  logger?: Logger;
}
