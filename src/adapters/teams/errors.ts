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

/**
 * Why an activity's token was refused, in plain words for the log (never the
 * token or its claims): botbuilder and jsonwebtoken say it in their own
 * terms, and botbuilder's "No valid identity" covers a malformed header, a
 * token that is not a JWT and one from another issuer alike, told apart here
 * from the Authorization header.
 */
export function refusalOf(err: unknown, authHeader: string): string {
  const name = err instanceof Error ? err.name : "";
  const message = err instanceof Error ? err.message : String(err);
  if (name === "TokenExpiredError" || /token has expired/i.test(message)) return "expired token";
  if (name === "NotBeforeError") return "token not valid yet (its start time is in the future)";
  if (name === "JsonWebTokenError")
    return /signature/i.test(message) ? "bad token signature" : "malformed token";
  if (/Request is not authorized/i.test(message))
    return authHeader ? "token not accepted for this bot" : "no token (Authorization header missing)";
  if (/Invalid AppId passed on token/i.test(message))
    return "audience mismatch: the token is for another app id than MicrosoftAppId";
  if (/ServiceUrl claim do not match/i.test(message))
    return "service URL mismatch: the token was issued for another serviceUrl than the activity's";
  if (/Signing Key could not be retrieved/i.test(message))
    return "token signed with a key the Bot Framework does not publish";
  if (/endorsement/i.test(message)) return "signing key not endorsed for this channel";
  if (/signing algorithm/i.test(message)) return "token signing algorithm not allowed";
  if (/Failed to load (Keys|openID config)/i.test(message))
    return "could not load the Bot Framework's signing keys";
  if (/No valid identity/i.test(message)) {
    const bearer = /^Bearer (\S+)$/.exec(authHeader);
    if (!bearer) return "malformed Authorization header (expected Bearer <token>)";
    return issuerOf(bearer[1]!) === undefined
      ? "malformed token"
      : "issuer mismatch: the token was not issued by the Bot Framework";
  }
  return "token refused";
}

/** The `iss` claim of a JWT, read without verifying it (only to word a refusal), or undefined. */
function issuerOf(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown };
    return typeof claims.iss === "string" ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}
