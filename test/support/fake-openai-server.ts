/**
 * A real HTTP server on 127.0.0.1 (random port) that speaks the OpenAI Chat
 * Completions wire format (`POST /v1/chat/completions`, JSON or SSE stream),
 * scriptable per test and recording every request it gets. Drive it through
 * the real `openai` SDK by pointing `baseURL` at `server.baseURL`.
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { text } from "node:stream/consumers";

/** What the server does with one request. */
export type FakeReply =
  /** A normal completion whose message content is `content` (streamed when the request asks for it). */
  | {
      kind: "content";
      content: string;
      delayMs?: number;
      finishReason?: "stop" | "length" | "content_filter";
    }
  /** Any JSON body with any status, for shapes the other kinds do not cover. */
  | { kind: "json"; status?: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  /** An OpenAI-style error body: `{"error": {"message", "type", "param", "code"}}`. */
  | {
      kind: "error";
      status: number;
      message?: string;
      type?: string;
      code?: string | null;
      headers?: Record<string, string>;
    }
  /** 429 with a `Retry-After` header (seconds). */
  | { kind: "rate_limit"; retryAfterSeconds: number; message?: string }
  /** Accepts the request and never answers (until the client gives up or the server closes). */
  | { kind: "hang" }
  /** 200 with `content-type: application/json` but a body that is not JSON. */
  | { kind: "invalid_json"; body?: string }
  /** Drops the connection without a response. */
  | { kind: "disconnect" };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: Date;
}

/** The shape of a chat completion request body, as far as tests usually look. */
export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

export type ReplyScript = FakeReply | ((request: RecordedRequest) => FakeReply);

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/v1`, the SDK's `baseURL`. */
  baseURL: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Chat completion requests only, with typed bodies. */
  chatRequests(): (RecordedRequest & { body: ChatRequestBody })[];
  /** Replies for the next requests, used in order before the default. */
  enqueue(...replies: ReplyScript[]): void;
  /** The reply once the queue is empty (a function can look at the request). */
  setDefault(reply: ReplyScript): void;
  /** Closes the server, cutting any hanging request. */
  close(): Promise<void>;
}

const CHAT_PATHS = new Set(["/v1/chat/completions", "/chat/completions"]);

export async function startFakeOpenAiServer(
  options: { defaultReply?: ReplyScript } = {},
): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const queue: ReplyScript[] = [];
  let fallback: ReplyScript = options.defaultReply ?? { kind: "content", content: "ok" };
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let counter = 0;

  const server = createServer(async (req, res) => {
    const raw = await text(req);
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: (req.url ?? "/").split("?")[0]!,
      headers: req.headers,
      body: parseJson(raw) ?? raw,
      receivedAt: new Date(),
    };
    requests.push(record);
    if (record.method !== "POST" || !CHAT_PATHS.has(record.path)) {
      sendJson(
        res,
        404,
        errorBody(
          `Unknown request URL: ${record.method} ${record.path}`,
          "invalid_request_error",
          "unknown_url",
        ),
      );
      return;
    }
    const script = queue.length > 0 ? queue.shift()! : fallback;
    const reply = typeof script === "function" ? script(record) : script;
    const body = (
      typeof record.body === "object" && record.body !== null ? record.body : {}
    ) as ChatRequestBody;
    counter += 1;
    await respond(res, reply, body, `chatcmpl-fake${counter}`, hanging);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    chatRequests: () =>
      requests.filter((r) => CHAT_PATHS.has(r.path)) as (RecordedRequest & { body: ChatRequestBody })[],
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setDefault: (reply) => {
      fallback = reply;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function respond(
  res: ServerResponse,
  reply: FakeReply,
  request: ChatRequestBody,
  id: string,
  hanging: Set<ServerResponse>,
): Promise<void> {
  switch (reply.kind) {
    case "content": {
      if (reply.delayMs) await sleep(reply.delayMs);
      if (res.destroyed) return;
      const model = request.model ?? "gpt-4o-mini";
      if (request.stream) streamContent(res, id, model, reply.content, reply.finishReason ?? "stop");
      else sendJson(res, 200, completionBody(id, model, reply.content, reply.finishReason ?? "stop"));
      return;
    }
    case "json":
      if (reply.delayMs) await sleep(reply.delayMs);
      if (!res.destroyed) sendJson(res, reply.status ?? 200, reply.body, reply.headers);
      return;
    case "error":
      sendJson(
        res,
        reply.status,
        errorBody(
          reply.message ?? `fake error ${reply.status}`,
          reply.type ?? "server_error",
          reply.code ?? null,
        ),
        reply.headers,
      );
      return;
    case "rate_limit":
      sendJson(
        res,
        429,
        errorBody(reply.message ?? "Rate limit reached", "requests", "rate_limit_exceeded"),
        {
          "retry-after": String(reply.retryAfterSeconds),
        },
      );
      return;
    case "hang":
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    case "invalid_json":
      res.writeHead(200, { "content-type": "application/json" });
      res.end(reply.body ?? '{"id": "chatcmpl-broken", "choices": [');
      return;
    case "disconnect":
      res.socket?.destroy();
      return;
  }
}

/** The non-streaming `chat.completion` object. */
export function completionBody(id: string, model: string, content: string, finishReason = "stop") {
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: {
      prompt_tokens: 10,
      completion_tokens: Math.max(1, Math.ceil(content.length / 4)),
      total_tokens: 0,
    },
  };
}

function streamContent(
  res: ServerResponse,
  id: string,
  model: string,
  content: string,
  finishReason: string,
): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }, null));
  for (const piece of content.match(/[\s\S]{1,16}/g) ?? []) res.write(chunk({ content: piece }, null));
  res.write(chunk({}, finishReason));
  res.end("data: [DONE]\n\n");
}

function errorBody(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
