import type { Logger, TicketPort } from "../domain/index.ts";
import type { UpdateWriter } from "../engine/writers/types.ts";
import type { ConversationStore } from "./ports/index.ts";

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
