import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { type WebSocket, WebSocketServer } from "ws";

/** One Web API call as Slack received it: method, decoded arguments (blocks/view parsed), bearer token. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

/** A message as the channel shows it after posts and updates. */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  /** Shown only to this user (chat.postEphemeral or an ephemeral response_url reply). */
  ephemeralTo?: string;
  updated?: number;
}

export interface FakeSlackUser {
  id: string;
  name: string;
  isAdmin?: boolean;
}

type Failure = { status: number; retryAfter?: number; error?: string };

/**
 * A Slack Web API on 127.0.0.1 speaking its wire format (form or JSON in,
 * `{ok: ...}` out), recording every call; response_url endpoints; Socket
 * Mode (apps.connections.open + a WebSocket that sends envelopes). It can
 * answer 429 with Retry-After, 500, or `ok:false` for the next calls.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly messages: FakeSlackMessage[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly channelNames = new Map<string, string>();
  /** Bodies posted to response_url, by id. */
  readonly responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  readonly team = { id: "T0ACME", name: "Acme MSP" };
  readonly bot = { userId: "UBOTFLOW", botId: "BFLOW" };
  /** Per method, what the next calls meet: a failure, or null for a normal answer. */
  private readonly failures = new Map<string, Array<Failure | null>>();
  private readonly delays = new Map<string, number>();
  private readonly held = new Set<() => void>();
  /** Where apps.connections.open sends Socket Mode clients (default: this server's WebSocket). */
  socketUrl?: string;
  private tsCounter = 0;
  private server!: Server;
  private wss?: WebSocketServer;
  private sockets: WebSocket[] = [];
  /** Socket Mode envelopes the app acknowledged: envelope_id -> the payload it answered with. */
  readonly socketAcks = new Map<string, unknown>();
  port = 0;

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next `times` calls of `method` fail this way (after `answeredFirst` calls answered normally). */
  failNext(method: string, failure: Failure, times = 1, answeredFirst = 0): void {
    this.failures.set(method, [
      ...(this.failures.get(method) ?? []),
      ...Array(answeredFirst).fill(null),
      ...Array(times).fill(failure),
    ]);
  }

  /** Calls of `method` are answered only after `ms` (Infinity: not before the fake closes). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** What a user sees in a channel (or thread): messages for everyone plus ephemerals shown to them. */
  visibleTo(user: string, channel: string, threadTs?: string): FakeSlackMessage[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel &&
        (!m.ephemeralTo || m.ephemeralTo === user) &&
        (threadTs === undefined || m.thread_ts === threadTs || m.ts === threadTs),
    );
  }

  /** Every text a message shows: its blocks' texts, button labels included, in order. */
  static textOf(message: Pick<FakeSlackMessage, "text" | "blocks">): string {
    const out: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (typeof o.text === "string" && (o.type === "mrkdwn" || o.type === "plain_text")) out.push(o.text);
        for (const [k, v] of Object.entries(o)) if (k !== "value" && k !== "confirm") walk(v);
      }
    };
    walk(message.blocks);
    return out.length > 0 ? out.join("\n") : message.text;
  }

  /** Button action_ids and values of a message. */
  static buttonsOf(
    message: Pick<FakeSlackMessage, "blocks">,
  ): Array<{ action_id: string; value: string; text: string; confirm?: unknown }> {
    const out: Array<{ action_id: string; value: string; text: string; confirm?: unknown }> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (o.type === "button")
          out.push({
            action_id: String(o.action_id),
            value: String(o.value),
            text: String((o.text as { text?: string })?.text ?? ""),
            confirm: o.confirm,
          });
        Object.values(o).forEach(walk);
      }
    };
    walk(message.blocks);
    return out;
  }

  /** Sends an envelope over every open Socket Mode connection. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  /** Cuts every Socket Mode connection, as a network failure would (no close handshake). */
  dropSockets(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  get socketConnections(): number {
    return this.sockets.length;
  }

  async close(): Promise<void> {
    for (const release of this.held) release();
    for (const socket of this.sockets) socket.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async listen() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(typeof body === "string" ? body : JSON.stringify(body));
        },
        (err) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
    this.wss = new WebSocketServer({ server: this.server, path: "/socket" });
    this.wss.on("connection", (socket) => {
      this.sockets.push(socket);
      socket.on("message", (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.socketAcks.set(ack.envelope_id, ack.payload ?? null);
      });
      socket.on("close", () => {
        this.sockets = this.sockets.filter((s) => s !== socket);
      });
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { approximate_connection_time: 3600 },
        }),
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await text(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/response/")) {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const id = url.pathname.slice("/response/".length);
      this.responses.push({ id, body });
      return { status: 200, body: "ok" };
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = parseArgs(raw, req.headers["content-type"]);
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? (args.token as string | undefined);
    this.calls.push({ method, args, token });
    const delay = this.delays.get(method);
    if (delay !== undefined)
      await new Promise<void>((resolve) => {
        const release = () => {
          this.held.delete(release);
          clearTimeout(timer);
          resolve();
        };
        const timer = Number.isFinite(delay) ? setTimeout(release, delay) : undefined;
        this.held.add(release);
      });
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if (failure.error) return { status: 200, body: { ok: false, error: failure.error } };
      return {
        status: failure.status,
        body: { ok: false, error: failure.status === 429 ? "ratelimited" : "internal_error" },
        headers: failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {},
      };
    }
    return { status: 200, body: this.answer(method, args) };
  }

  /** A posted message as the channel shows it; its ts. */
  private record(a: Record<string, unknown>, ephemeralTo?: string): string {
    const ts = this.nextTs();
    this.messages.push({
      channel: String(a.channel),
      ts,
      thread_ts: a.thread_ts as string | undefined,
      text: String(a.text ?? ""),
      blocks: (a.blocks as Array<Record<string, unknown>>) ?? [],
      ...(ephemeralTo ? { ephemeralTo } : {}),
    });
    return ts;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1764556800.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private answer(method: string, a: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          team_id: this.team.id,
          team: this.team.name,
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
        };
      case "chat.postMessage":
        return { ok: true, channel: a.channel, ts: this.record(a) };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.record(a, String(a.user)) };
      case "chat.update": {
        const message = this.messages.find((m) => m.channel === a.channel && m.ts === a.ts);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(a.text ?? "");
        message.blocks = (a.blocks as Array<Record<string, unknown>>) ?? [];
        message.updated = (message.updated ?? 0) + 1;
        return { ok: true, channel: a.channel, ts: a.ts };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(a.users)}` } };
      case "conversations.info": {
        const name = this.channelNames.get(String(a.channel));
        return name
          ? { ok: true, channel: { id: a.channel, name } }
          : { ok: false, error: "channel_not_found" };
      }
      case "users.info": {
        const user = this.users.get(String(a.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name.toLowerCase().replace(/\s+/g, "."),
            real_name: user.name,
            is_admin: Boolean(user.isAdmin),
            profile: { display_name: user.name, real_name: user.name },
          },
        };
      }
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${this.nextTs()}`, ...(a.view as object) } };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl ?? `ws://127.0.0.1:${this.port}/socket` };
      case "oauth.v2.access":
        return {
          ok: true,
          access_token: `xoxb-installed-${String(a.code)}`,
          token_type: "bot",
          scope: "commands,chat:write",
          bot_user_id: "UBOTOTHER",
          app_id: "A0FLOW",
          team: { id: "T0OTHER", name: "Other MSP" },
          enterprise: null,
          authed_user: { id: "UINSTALLER" },
          is_enterprise_install: false,
        };
      default:
        return { ok: true };
    }
  }
}

/** Form-encoded arguments with `blocks`/`view` as JSON strings (how the Web API client sends them), or JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
