import { createSign, generateKeyPairSync, type JsonWebKey, type KeyObject, randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node";
import { MsalServiceClientCredentialsFactory } from "botframework-connector";
import type { TeamsBotEndpoints, TeamsRuntimeOverrides } from "../../../../src/adapters/teams/index.ts";

/**
 * The Microsoft side of a Teams bot, on 127.0.0.1, speaking the documented
 * wire formats: the Bot Framework's OpenID metadata and signing keys (JWKS,
 * keys endorsed for "msteams") that inbound activity tokens are checked
 * against, the Entra ID token endpoint the bot gets outbound tokens from
 * (reached through MSAL's network client, since MSAL refuses http
 * authorities), and the Bot Connector at the activities' serviceUrl, which
 * records replies, updates, created conversations and proactive messages
 * and answers roster look-ups.
 */

export const BOT_ISSUER = "https://api.botframework.com";
const ACCESS_TOKEN = "fake-connector-token-7d1f";

export interface ConnectorCall {
  method: "POST" | "PUT";
  conversationId: string;
  activityId: string;
  // biome-ignore lint/suspicious/noExplicitAny: activities are JSON the tests read field by field
  activity: any;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
  userRole?: string;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JsonWebKey;
}

function newKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicJwk: publicKey.export({ format: "jwk" }) };
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Made once per test process: RSA key generation is the slow part of a fake (each has its own URL). */
let keys: { published: SigningKey; forged: SigningKey; unknown: SigningKey } | undefined;
function testKeys() {
  if (!keys) {
    const published = newKey(`key-${randomUUID().slice(0, 8)}`);
    // Same key id as the published one, different key: a forged signature.
    keys = { published, forged: newKey(published.kid), unknown: newKey("key-unknown") };
  }
  return keys;
}

export async function startFakeBotFramework(options: {
  appId: string;
  tenantId: string;
  /** The connector insists on the bot's token (false: a bot running unauthenticated for local testing). */
  requireToken?: boolean;
}) {
  const { published, forged, unknown } = testKeys();
  const calls: ConnectorCall[] = [];
  const created: Array<{ conversationId: string; members: string[]; tenantId?: string }> = [];
  const tokenRequests: Array<{ tenant: string; body: string }> = [];
  const unauthorizedConnectorCalls: string[] = [];
  const roster = new Map<string, RosterMember>();
  let nextId = 1;
  /** Set: the token endpoint refuses the client credentials, as Entra ID does a wrong client secret. */
  let refusal: { status: number; body: unknown } | undefined;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await text(req);
    const path = url.pathname;
    if (req.method === "GET" && path === "/openid/.well-known/openidconfiguration")
      return json(res, 200, {
        issuer: BOT_ISSUER,
        authorization_endpoint: `${base()}/oauth/authorize`,
        jwks_uri: `${base()}/openid/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    if (req.method === "GET" && path === "/openid/keys")
      return json(res, 200, {
        keys: [{ ...published.publicJwk, kid: published.kid, use: "sig", endorsements: ["msteams"] }],
      });
    const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === "POST" && tokenMatch) {
      tokenRequests.push({ tenant: tokenMatch[1]!, body: raw });
      if (refusal) return json(res, refusal.status, refusal.body);
      return json(res, 200, {
        token_type: "Bearer",
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: ACCESS_TOKEN,
      });
    }
    if (path.startsWith("/v3/conversations")) {
      if (options.requireToken !== false && req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
        unauthorizedConnectorCalls.push(`${req.method} ${path}`);
        return json(res, 401, { error: { code: "Unauthorized", message: "bad token" } });
      }
      return connector(req.method ?? "", path, raw ? JSON.parse(raw) : undefined, res);
    }
    json(res, 404, { error: { code: "NotFound", message: `${req.method} ${path}` } });
  });

  function connector(method: string, path: string, body: unknown, res: ServerResponse) {
    const parts = path.split("/").slice(3).map(decodeURIComponent);
    // POST /v3/conversations: a new conversation (a personal chat with one user).
    if (method === "POST" && parts.length === 0) {
      const params = body as { members?: Array<{ id: string }>; tenantId?: string };
      const members = (params.members ?? []).map((m) => m.id);
      const conversationId = `a:personal-${members.join("-")}`;
      created.push({ conversationId, members, tenantId: params.tenantId });
      return json(res, 201, { id: conversationId, serviceUrl: base() });
    }
    const [conversationId, kind, id] = parts;
    if (!conversationId) return json(res, 404, {});
    if (kind === "activities" && (method === "POST" || method === "PUT")) {
      const activityId = method === "PUT" ? id! : `msg-${nextId++}`;
      calls.push({ method, conversationId, activityId, activity: body });
      return json(res, method === "PUT" ? 200 : 201, { id: activityId });
    }
    if (kind === "members" && method === "GET" && id) {
      const member = roster.get(id);
      return member
        ? json(res, 200, { ...member, tenantId: options.tenantId })
        : json(res, 404, { error: { code: "NotFound", message: "member not found" } });
    }
    return json(res, 404, { error: { code: "NotFound", message: `${method} ${path}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = () => `http://127.0.0.1:${port}`;
  const serviceUrl = `${base()}/`;

  /** An RS256 token as the Bot Framework signs activities to the bot. */
  function token(
    over: {
      claims?: Record<string, unknown>;
      key?: "published" | "forged" | "unknown";
      expiresInSeconds?: number;
    } = {},
  ): string {
    const key = over.key === "forged" ? forged : over.key === "unknown" ? unknown : published;
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: key.kid, x5t: key.kid };
    const claims = {
      iss: BOT_ISSUER,
      aud: options.appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (over.expiresInSeconds ?? 3600),
      ...over.claims,
    };
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign("RSA-SHA256").update(unsigned).sign(key.privateKey);
    return `${unsigned}.${b64url(signature)}`;
  }

  const endpoints: TeamsBotEndpoints = {
    ToBotFromChannelOpenIdMetadataUrl: `${base()}/openid/.well-known/openidconfiguration`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${base()}/emulator/.well-known/openidconfiguration`,
    ToBotFromChannelTokenIssuer: BOT_ISSUER,
    ToChannelFromBotLoginUrl: `${base()}/botframework.com`,
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    OAuthUrl: `${base()}/oauth`,
    CallerId: "urn:botframework:azure",
    ValidateAuthority: true,
  };

  /**
   * MSAL as production configures it (an https authority), with a network
   * client that sends every request to this fake instead of
   * login.microsoftonline.com and refuses any other host.
   */
  function credentialsFactory() {
    const networkClient: INetworkModule = {
      sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
        toFake<T>("GET", url, request),
      sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) =>
        toFake<T>("POST", url, request),
    };
    const authority = `https://login.microsoftonline.com/${options.tenantId}`;
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: options.appId,
        clientSecret: "test-app-password-Zq8",
        authority,
        knownAuthorities: ["login.microsoftonline.com"],
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          "api-version": "1.1",
          metadata: [
            {
              preferred_network: "login.microsoftonline.com",
              preferred_cache: "login.windows.net",
              aliases: ["login.microsoftonline.com", "login.windows.net"],
            },
          ],
        }),
        authorityMetadata: JSON.stringify({
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          issuer: `${authority}/v2.0`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        }),
      },
      system: { networkClient },
    });
    return new MsalServiceClientCredentialsFactory(options.appId, app);
  }

  async function toFake<T>(
    method: "GET" | "POST",
    url: string,
    request?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const target = new URL(url);
    if (target.hostname !== "login.microsoftonline.com")
      throw new Error(`test network client: refusing ${target.hostname}`);
    const response = await fetch(`${base()}${target.pathname}${target.search}`, {
      method,
      headers: request?.headers,
      body: method === "POST" ? request?.body : undefined,
    });
    return {
      headers: Object.fromEntries(response.headers.entries()),
      body: (await response.json()) as T,
      status: response.status,
    };
  }

  const overrides = (): TeamsRuntimeOverrides => ({
    credentialsFactory: credentialsFactory(),
    endpoints,
    defaultServiceUrl: serviceUrl,
  });

  return {
    serviceUrl,
    /** The Microsoft identity platform base URL (FLOWPILOT_TEAMS_LOGIN_URL): `<it>/<tenant>/oauth2/v2.0/token`. */
    loginUrl: base(),
    /**
     * From now on token requests are refused as Entra ID refuses a wrong
     * client secret: 401 `invalid_client`, AADSTS7000215.
     */
    refuseClientSecret() {
      const now = new Date().toISOString().replace("T", " ").slice(0, 19);
      refusal = {
        status: 401,
        body: {
          error: "invalid_client",
          error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${options.appId}'.\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${now}Z`,
          error_codes: [7000215],
          timestamp: `${now}Z`,
          trace_id: randomUUID(),
          correlation_id: randomUUID(),
          error_uri: "https://login.microsoftonline.com/error?code=7000215",
        },
      };
    },
    endpoints,
    overrides,
    token,
    calls,
    created,
    tokenRequests,
    unauthorizedConnectorCalls,
    addMember(member: RosterMember) {
      roster.set(member.id, member);
    },
    reset() {
      calls.length = 0;
      created.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeBotFramework = Awaited<ReturnType<typeof startFakeBotFramework>>;

function json(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(body));
}
