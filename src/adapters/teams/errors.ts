/**
 * How a failed turn is answered and logged. Authentication failures are 401
 * whatever botbuilder calls them (a token signed with the right key id but
 * the wrong key is a jsonwebtoken error it does not map); anything else is
 * 500. Log lines carry the error's name and message, never a token.
 */
export function statusForTurnError(err: unknown): 401 | 500 {
  if (!(err instanceof Error)) return 500;
  const status = (err as { statusCode?: unknown }).statusCode;
  if (err.name === "AuthenticationError" || status === 401) return 401;
  if (["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"].includes(err.name)) return 401;
  return 500;
}

/** A log-safe description: the name and the first line of the message, tokens masked. */
export function describeTeamsError(err: unknown): { name: string; message: string } {
  const name = err instanceof Error ? err.name : typeof err;
  const raw = err instanceof Error ? err.message : String(err);
  const message = (raw.split("\n")[0] ?? "").replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, "<jwt>").slice(0, 300);
  return { name, message };
}
