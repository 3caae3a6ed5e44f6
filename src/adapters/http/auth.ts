import type { MiddlewareHandler } from "hono";
import { type ApiCaller, type ApiDeps, authenticate } from "../../sessions/api/index.ts";
import { HttpError } from "./errors.ts";

export type AuthEnv = { Variables: { caller: ApiCaller; correlationId: string } };

const unauthorized = (message: string, invalidToken: boolean) =>
  new HttpError(401, "unauthorized", message, undefined, {
    "WWW-Authenticate": invalidToken
      ? 'Bearer realm="flowpilot", error="invalid_token"'
      : 'Bearer realm="flowpilot"',
  });

/**
 * `Authorization: Bearer fp_…` → the token's account, for every route after
 * it. Missing, malformed, unknown or revoked tokens get 401 with
 * WWW-Authenticate. The token itself is never logged.
 */
export function bearerAuth(deps: ApiDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw unauthorized("Send an API token: Authorization: Bearer <token>.", false);
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must use the Bearer scheme.", false);
    const caller = await authenticate(deps, match[1]!);
    if (!caller) throw unauthorized("The API token is unknown or revoked.", true);
    c.set("caller", caller);
    await next();
  };
}
