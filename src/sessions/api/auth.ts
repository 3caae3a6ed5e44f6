import type { ApiCaller, ApiDeps } from "./types.ts";

/** The caller a bearer token stands for; null when the token is unknown or revoked. */
export async function authenticate(deps: ApiDeps, token: string): Promise<ApiCaller | null> {
  const account = await deps.tokens.verify(token);
  return account ? { account } : null;
}
