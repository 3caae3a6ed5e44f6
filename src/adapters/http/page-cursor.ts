import { HttpError } from "./errors.ts";

/**
 * List cursors are opaque to callers: they pass back the `next_cursor` they
 * were given. Inside is the position's update id, versioned so the format
 * can change without old cursors being misread.
 */
const PREFIX = "u1:";

export function encodeCursor(updateId: string): string {
  return Buffer.from(`${PREFIX}${updateId}`).toString("base64url");
}

/** The update id inside a cursor; a cursor we did not make is 422 naming `cursor`. */
export function decodeCursor(cursor: string): string {
  const inside = Buffer.from(cursor, "base64url").toString("utf8");
  if (!inside.startsWith(PREFIX) || inside.length <= PREFIX.length)
    throw new HttpError(
      422,
      "invalid_input",
      "cursor: not a cursor from this API; pass the next_cursor of the previous page, or leave it out for the first page.",
      "cursor",
    );
  return inside.slice(PREFIX.length);
}
