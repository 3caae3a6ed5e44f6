import { createHttpApp } from "../../../src/adapters/http/app.ts";
import { listen, type RunningServer } from "../../../src/adapters/http/listen.ts";
import { createApiToken, getOrCreateApiAccount, verifyApiToken } from "../../../src/db/api-tokens.ts";
import { createPrismaConversationStore } from "../../../src/db/conversation-store.ts";
import type { Logger, TicketPort } from "../../../src/domain/index.ts";
import { createWriter } from "../../../src/engine/writers/create-writer.ts";
import type { UpdateWriter } from "../../../src/engine/writers/types.ts";
import type { ApiDeps } from "../../../src/sessions/api/index.ts";
import {
  emptiedTestDatabase,
  type TestDatabase,
  type TestDbKind,
  withTestDatabase,
} from "../../support/db.ts";

/** Response bodies are JSON whose shape each test asserts field by field. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, asserted by the tests
type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiHarness {
  t: TestDatabase;
  server: RunningServer;
  /** Tenant "northstar"'s account and token; "brightline" is the other account. */
  northstar: { accountId: string; token: string };
  brightline: { accountId: string; token: string };
  logs: Array<{ level: string; obj: object; msg?: string }>;
  /** A JSON request as northstar unless another token (or null: none) is given. */
  call<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string | null; headers?: Record<string, string>; rawBody?: string },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real Hono app on Node's HTTP server (127.0.0.1, a free port) over a
 * fresh in-memory PGlite database (or the local PostgreSQL), with two API
 * accounts and a token each.
 */
export async function startApi(
  options: {
    tickets?: TicketPort;
    ownDatabase?: boolean;
    /** The writer (offline unless given), e.g. the LLM writer against a fake model. */
    writer?: UpdateWriter;
    /** A real logger to use besides the captured log (to check what reaches log lines). */
    logger?: Logger;
    /** Per-account budget; suites make many calls in a second, so it is high unless a test lowers it. */
    requestsPerMinute?: number;
    /** The database behind it: in-memory PGlite unless told. */
    kind?: TestDbKind;
  } = {},
): Promise<ApiHarness> {
  const kind = options.kind ?? "pglite";
  const t = options.ownDatabase ? await withTestDatabase(kind) : await emptiedTestDatabase(kind);
  const prisma = t.db.prisma;
  const logs: ApiHarness["logs"] = [];
  const logger: Logger = {
    info: (obj, msg) => {
      logs.push({ level: "info", obj, msg });
      options.logger?.info(obj, msg);
    },
    warn: (obj, msg) => {
      logs.push({ level: "warn", obj, msg });
      options.logger?.warn(obj, msg);
    },
    error: (obj, msg) => {
      logs.push({ level: "error", obj, msg });
      options.logger?.error(obj, msg);
    },
  };
  const deps: ApiDeps = {
    store: createPrismaConversationStore(prisma),
    writer: options.writer ?? createWriter(undefined),
    tickets: options.tickets,
    tokens: { verify: async (token) => (await verifyApiToken(prisma, token))?.account ?? null },
    logger,
  };
  const server = await listen(
    createHttpApp(deps, { requestsPerMinute: options.requestsPerMinute ?? 10_000 }),
    {
      host: "127.0.0.1",
      port: 0,
    },
  );
  const tenant = async (name: string) => {
    const account = await getOrCreateApiAccount(prisma, name);
    const { token } = await createApiToken(prisma, { accountId: account.id, name: "tests" });
    return { accountId: account.id, token };
  };
  const northstar = await tenant("northstar");
  const brightline = await tenant("brightline");
  return {
    t,
    server,
    northstar,
    brightline,
    logs,
    call: async (method, path, body, opts = {}) => {
      const token = opts.token === undefined ? northstar.token : opts.token;
      const headers: Record<string, string> = { ...opts.headers };
      if (token) headers.authorization = `Bearer ${token}`;
      const payload = opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
      const res = await fetch(`${server.url}${path}`, { method, headers, body: payload });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
    },
    close: async () => {
      await server.close();
      await t.cleanup();
    },
  };
}

/** The demo ticket's opening exchange from the README, as API messages. */
export const EMAIL_MESSAGES = [
  { text: "Client reports no external email arriving since this morning. Internal mail works." },
  { text: "Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com" },
  {
    text: "Found it: transport rule 'Block External Senders' is scoped tenant-wide. That's likely blocking all external inbound mail.",
  },
];

export const NEW_SESSION = {
  ticket_id: "TKT-2847",
  ticket_summary: "Email delivery issue",
  client_company: "Acme Medical Group",
  client_contact: "Dana Ruiz",
  engineer: { id: "eng-7", name: "Michael Chihlas" },
};

/** Creates a session (as northstar unless told) and records messages; returns its id. */
export async function sessionWithMessages(
  api: ApiHarness,
  messages = EMAIL_MESSAGES,
  token = api.northstar.token,
): Promise<string> {
  const created = await api.call("POST", "/ai-sessions", NEW_SESSION, { token });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const id: string = created.body.session.session_id;
  if (messages.length > 0) {
    const added = await api.call("POST", `/ai-sessions/${id}/messages`, { messages }, { token });
    if (added.status !== 201) throw new Error(`messages failed: ${JSON.stringify(added.body)}`);
  }
  return id;
}
