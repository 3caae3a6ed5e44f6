import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { loadConfig } from "../../../src/app/config.ts";
import { type StartedServer, startServer } from "../../../src/app/start-server.ts";
import type { TicketPort } from "../../../src/domain/index.ts";
import type { UpdateWriter } from "../../../src/engine/writers/types.ts";
import { freshDataDir } from "../../support/data-dir.ts";
import { FakeSlack, type FakeSlackMessage } from "../../support/fake-slack.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yez67291";
export const BOT_TOKEN = "xoxb-1111-2222-flowpilot-test";
export const ENGINEER = { id: "U0SAM", name: "Sam Ortiz" };
export const CHANNEL = "C0HELPDESK";

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON answers, asserted field by field
type Json = any;

export interface SlackBot {
  fake: FakeSlack;
  /** The channel commands and messages go to unless told otherwise; `newChannel` moves to a fresh one. */
  channel: string;
  newChannel(): string;
  server: StartedServer;
  dataDir: string;
  logs: string[];
  /** The JSON log lines so far, parsed. */
  logLines(): Json[];
  /** POSTs a body to /slack/events, signed unless told otherwise. */
  send(
    body: string,
    contentType: string,
    options?: { timestamp?: number; signature?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; text: string }>;
  /** A slash command, as Slack sends it; resolves once FlowPilot's work for it is done. */
  command(
    text: string,
    options?: { command?: string; user?: string; channel?: string; team?: string; trigger?: string },
  ): Promise<{ status: number; text: string }>;
  /** A message typed in a thread (or at channel level without `thread`). */
  message(
    text: string,
    options: {
      thread?: string;
      user?: string;
      channel?: string;
      eventId?: string;
      retryNum?: number;
      mention?: boolean;
    },
  ): Promise<{ status: number; text: string }>;
  /** Presses the button with this label on a message. */
  click(
    message: FakeSlackMessage,
    label: string | RegExp,
    options?: { user?: string; team?: string; trigger?: string },
  ): Promise<{ status: number; text: string }>;
  /** Submits the last modal opened, with this text. */
  submitModal(text: string, options?: { user?: string }): Promise<{ status: number; text: string }>;
  /** Settles deferred work (updates being written) before assertions. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let triggers = 0;
let events = 0;

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** FlowPilot with Slack in HTTP mode on 127.0.0.1, its Web API a fake Slack server, on a fresh embedded database. */
export async function startSlackBot(
  options: {
    clock?: () => Date;
    writer?: UpdateWriter;
    tickets?: TicketPort;
    env?: Record<string, string>;
    dataDir?: string;
    fake?: FakeSlack;
  } = {},
): Promise<SlackBot> {
  const fake = options.fake ?? (await FakeSlack.start());
  fake.users.set(ENGINEER.id, { id: ENGINEER.id, name: ENGINEER.name });
  const dataDir = options.dataDir ?? (await freshDataDir());
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    FLOWPILOT_DATA_DIR: dataDir,
    FLOWPILOT_HTTP_HOST: "127.0.0.1",
    FLOWPILOT_HTTP_PORT: "0",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "info",
    ...options.env,
  });
  const server = await startServer(config, {
    writer: options.writer,
    tickets: options.tickets,
    logStream,
    reminderJob: false,
    clock: options.clock,
    chat: { slack: { retries: 2 } },
  });

  const send: SlackBot["send"] = async (body, contentType, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const res = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": o.signature ?? sign(body, timestamp),
        ...o.headers,
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const interactive = async (payload: Json) => {
    const res = await send(form({ payload: JSON.stringify(payload) }), "application/x-www-form-urlencoded");
    await server.settle();
    return res;
  };

  let channels = 0;
  const bot: SlackBot = {
    fake,
    channel: CHANNEL,
    newChannel() {
      channels += 1;
      bot.channel = `${CHANNEL}${channels}`;
      return bot.channel;
    },
    server,
    dataDir,
    logs,
    logLines: () =>
      logs
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    send,
    async command(text, o = {}) {
      const trigger = o.trigger ?? `trigger-${++triggers}`;
      const res = await send(
        form({
          token: "legacy",
          team_id: o.team ?? fake.team.id,
          team_domain: "acme",
          channel_id: o.channel ?? bot.channel,
          channel_name: "helpdesk",
          user_id: o.user ?? ENGINEER.id,
          user_name: "sam",
          command: o.command ?? "/flowpilot",
          text,
          api_app_id: "A0FLOW",
          response_url: fake.responseUrl(trigger),
          trigger_id: trigger,
        }),
        "application/x-www-form-urlencoded",
      );
      await server.settle();
      return res;
    },
    async message(text, o) {
      const ts = `1764557000.${String(++events).padStart(6, "0")}`;
      const event: Json = {
        type: o.mention ? "app_mention" : "message",
        user: o.user ?? ENGINEER.id,
        text: o.mention ? `<@${fake.bot.userId}> ${text}` : text,
        ts,
        channel: o.channel ?? bot.channel,
        channel_type: "channel",
        event_ts: ts,
        ...(o.thread ? { thread_ts: o.thread } : {}),
      };
      const body = JSON.stringify({
        token: "legacy",
        team_id: fake.team.id,
        api_app_id: "A0FLOW",
        event,
        type: "event_callback",
        event_id: o.eventId ?? `Ev${events}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: fake.team.id, user_id: fake.bot.userId, is_bot: true }],
      });
      const res = await send(
        body,
        "application/json",
        o.retryNum
          ? { headers: { "x-slack-retry-num": String(o.retryNum), "x-slack-retry-reason": "http_timeout" } }
          : {},
      );
      await server.settle();
      return res;
    },
    async click(message, label, o = {}) {
      const button = FakeSlack.buttonsOf(message).find((b) =>
        typeof label === "string" ? b.text === label : label.test(b.text),
      );
      if (!button)
        throw new Error(
          `no button ${label} on message: ${FakeSlack.buttonsOf(message)
            .map((b) => b.text)
            .join(", ")}`,
        );
      const trigger = o.trigger ?? `trigger-${++triggers}`;
      return interactive({
        type: "block_actions",
        user: { id: o.user ?? ENGINEER.id, username: "sam", team_id: o.team ?? fake.team.id },
        api_app_id: "A0FLOW",
        token: "legacy",
        container: {
          type: "message",
          message_ts: message.ts,
          channel_id: message.channel,
          is_ephemeral: Boolean(message.ephemeralTo),
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        },
        trigger_id: trigger,
        team: { id: o.team ?? fake.team.id, domain: "acme" },
        channel: { id: message.channel, name: "helpdesk" },
        message: {
          type: "message",
          ts: message.ts,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        },
        response_url: fake.responseUrl(trigger),
        actions: [
          {
            action_id: button.action_id,
            block_id: "b1",
            text: { type: "plain_text", text: button.text },
            value: button.value,
            type: "button",
            action_ts: String(Date.now() / 1000),
          },
        ],
      });
    },
    async submitModal(text, o = {}) {
      const opened = fake.callsOf("views.open").at(-1);
      if (!opened) throw new Error("no modal was opened");
      const view = opened.args.view as Json;
      const input = view.blocks.find((b: Json) => b.type === "input");
      return interactive({
        type: "view_submission",
        team: { id: fake.team.id, domain: "acme" },
        user: { id: o.user ?? ENGINEER.id, username: "sam", team_id: fake.team.id },
        api_app_id: "A0FLOW",
        token: "legacy",
        trigger_id: `trigger-${++triggers}`,
        view: {
          id: `V${triggers}`,
          team_id: fake.team.id,
          type: "modal",
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          hash: `h${triggers}`,
          state: {
            values: {
              [input.block_id]: { [input.element.action_id]: { type: "plain_text_input", value: text } },
            },
          },
        },
      });
    },
    settle: () => server.settle(),
    async close() {
      await server.stop();
      if (!options.fake) await fake.close();
    },
  };
  return bot;
}

/** The session header FlowPilot posted in the bot's current channel (its first top-level message for all). */
export function sessionHeader(bot: SlackBot): FakeSlackMessage {
  const header = bot.fake.messages.find((m) => m.channel === bot.channel && !m.thread_ts && !m.ephemeralTo);
  if (!header) throw new Error(`no session header in ${bot.channel}`);
  return header;
}

/** The messages of a thread (its parent included), as everyone sees them. */
export function threadMessages(bot: SlackBot, threadTs: string, user = ENGINEER.id): FakeSlackMessage[] {
  return bot.fake.visibleTo(user, bot.channel, threadTs);
}

/**
 * One bot for a file's (or describe block's) tests, since starting one takes
 * seconds; each test gets a fresh channel. Read through the returned object
 * once the block's tests run.
 */
export function sharedSlackBot(
  options: Parameters<typeof startSlackBot>[0] | (() => Parameters<typeof startSlackBot>[0]) = {},
): SlackBot {
  let bot: SlackBot | undefined;
  beforeAll(async () => {
    bot = await startSlackBot(typeof options === "function" ? options() : options);
  });
  beforeEach(() => {
    bot!.newChannel();
  });
  afterAll(async () => {
    await bot?.close();
  });
  return new Proxy({} as SlackBot, {
    get: (_target, key) => bot![key as keyof SlackBot],
  });
}
