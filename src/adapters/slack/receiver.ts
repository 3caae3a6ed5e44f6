import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { Context } from "hono";
import type { Logger } from "../../domain/index.ts";
import { verifySlackSignature } from "./verify.ts";

/** Slack's payloads are small; anything this big is not from Slack. */
const MAX_BODY_BYTES = 1024 * 1024;
const NOT_ACKNOWLEDGED = Symbol("not acknowledged");

/**
 * Bolt's transport on our own HTTP server (Hono): verifies the signature,
 * parses the form or JSON body, and answers Slack as soon as the listener
 * acknowledges (processBeforeResponse stays off); the listener's remaining
 * work is handed to `waitUntil`. Socket Mode uses Bolt's own receiver.
 */
export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  private waitUntil: (work: Promise<unknown>) => void = () => undefined;

  constructor(private readonly options: { signingSecret: string; logger: Logger; now?: () => number }) {}

  init(app: App): void {
    this.app = app;
  }

  /** Where work that outlives the HTTP answer is kept alive. */
  keepAliveWith(waitUntil: (work: Promise<unknown>) => void): void {
    this.waitUntil = waitUntil;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async handle(c: Context): Promise<Response> {
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > MAX_BODY_BYTES) return c.text("payload too large", 413);
    const rawBody = await c.req.text();
    if (rawBody.length > MAX_BODY_BYTES) return c.text("payload too large", 413);
    const verified = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: c.req.header("x-slack-signature"),
      timestamp: c.req.header("x-slack-request-timestamp"),
      nowMs: (this.options.now ?? Date.now)(),
    });
    if (!verified.ok) {
      this.options.logger.warn({ platform: "slack", refusal: verified.reason }, "slack request refused");
      return c.text("invalid signature", 401);
    }
    const body = parseBody(rawBody, c.req.header("content-type"));
    if (!body) return c.text("unreadable body", 400);
    if (body.type === "url_verification" && typeof body.challenge === "string")
      return c.json({ challenge: body.challenge });
    if (body.ssl_check) return c.body(null, 200);
    if (!this.app) return c.text("FlowPilot is starting", 503);

    let acknowledge!: (response: unknown) => void;
    const acked = new Promise<unknown>((resolve) => {
      acknowledge = resolve;
    });
    const retryNum = Number(c.req.header("x-slack-retry-num"));
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => acknowledge(response),
      retryNum: Number.isInteger(retryNum) ? retryNum : undefined,
      retryReason: c.req.header("x-slack-retry-reason"),
    };
    const processing = this.app.processEvent(event).catch((err: unknown) => {
      this.options.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        "slack listener failed",
      );
    });
    this.waitUntil(processing);
    const response = await Promise.race([acked, processing.then(() => NOT_ACKNOWLEDGED)]);
    if (response === NOT_ACKNOWLEDGED || response === undefined || response === "") return c.body(null, 200);
    return typeof response === "string" ? c.text(response) : c.json(response as object);
  }
}

/** Slash commands and interactivity arrive form-encoded (`payload=` JSON for interactivity), events as JSON. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(raw);
      const payload = form.get("payload");
      return payload ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
    }
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
