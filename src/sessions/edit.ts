import type { SessionDeps } from "./deps.ts";
import type { StoredUpdate } from "./types.ts";

/**
 * Replaces an update's text with the engineer's own; Copy and Post to Ticket
 * use it from then on, and the generated text stays in the history.
 */
export function editUpdateText(
  deps: Pick<SessionDeps, "store">,
  update: StoredUpdate,
  text: string,
): Promise<StoredUpdate> {
  return deps.store.patchUpdate(update.id, { final_content: text.trim() });
}
