import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import type { ChatRuntime } from "../adapters/chat-runtime.ts";
import { createHttpApp } from "../adapters/http/app.ts";
import { listen, type RunningServer } from "../adapters/http/listen.ts";
import type { Config } from "../config.ts";
import { verifyApiToken } from "../db/api-tokens.ts";
import { createPrismaConversationStore } from "../db/conversation-store.ts";
import { sharedRequestBudget } from "../db/request-budget.ts";
import type { TicketPort } from "../domain/index.ts";
import { createConversation } from "../engine/conversation/conversation.ts";
import { scheduleReminderJob } from "../engine/conversation/reminders.ts";
import { createWriter } from "../engine/writers/create-writer.ts";
import type { UpdateWriter } from "../engine/writers/types.ts";
import { createIntentRecognizer } from "../intents/index.ts";
import { intentLlmSettings } from "../llm/settings.ts";
import { createLogger } from "../logger.ts";
import { type ChatRuntimeOverrides, createChatRuntimes } from "./chat-runtimes.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { createTicketPoster } from "./psa-connections.ts";
import { scheduleRetentionJob } from "./retention-job.ts";
import { checkChatPlatforms } from "./startup-checks.ts";

const VERSION: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;

export interface StartServerOptions {
  /**
   * The PSA behind ticket lookup and Post to Ticket. Defaults to each
   * account's stored ConnectWise connection, else the CONNECTWISE_* settings.
   */
  tickets?: TicketPort;
  /** The update writer; defaults to the LLM writer with OPENAI_API_KEY, else the offline one. */
  writer?: UpdateWriter;
  /** Where JSON log lines go (stderr by default). */
  logStream?: Writable;
  /** Test seams at the network edge we do not own (a Teams credentials factory, say). */
  chat?: ChatRuntimeOverrides;
  /** The conversation cores' clock (tests move it to make reminders due). */
  clock?: () => Date;
  /** Reminder checks run on a schedule unless false (tests fire them by hand). */
  reminderJob?: boolean;
}

export interface StartedServer extends RunningServer {
  /** The chat platforms served, for the start-up banner. */
  platforms: string[];
  /** Fires due reminders of every chat platform now; returns how many fired. */
  fireDueReminders(): Promise<number>;
  /** Waits for work that runs after acknowledgements (updates being written). */
  settle(): Promise<void>;
  /** Stops the HTTP server and chat connections, lets pending work finish, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Runs the one HTTP server: the REST API and /health always, plus every chat
 * platform whose settings are present (Slack at /slack/events, Teams at
 * /api/messages), each with its own conversation core over one database.
 */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<StartedServer> {
  const logger = createLogger(config.logLevel ?? "info", options.logStream);
  // Before the database: a refused token stops start-up without touching the data folder.
  await checkChatPlatforms(config, { logger });
  const db = await openAppDatabase(config, logger);
  const pending = new Set<Promise<unknown>>();
  const runtimes: ChatRuntime[] = [];
  const jobs: { stop(): unknown }[] = [];
  const settle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  try {
    const store = createPrismaConversationStore(db.prisma);
    const writer = options.writer ?? createWriter(config.llm);
    const tickets = options.tickets ?? createTicketPoster(db.prisma, config);
    const app = createHttpApp(
      {
        store,
        writer,
        tickets,
        tokens: { verify: async (token) => (await verifyApiToken(db.prisma, token))?.account ?? null },
        logger,
      },
      {
        version: VERSION,
        requestsPerMinute: config.http.requestsPerMinute,
        // Several API processes on one PostgreSQL share each account's budget; PGlite has one process.
        ...(db.kind === "postgres"
          ? { requestBudget: sharedRequestBudget(db.prisma, config.http.requestsPerMinute) }
          : {}),
      },
    );
    runtimes.push(...createChatRuntimes(config, { prisma: db.prisma, logger, overrides: options.chat }));
    const recognizer =
      runtimes.length > 0 ? createIntentRecognizer({ llm: intentLlmSettings(config.llm) }) : null;
    const waitUntil = (work: Promise<unknown>) => {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    };
    const conversations = runtimes.map((runtime) => {
      const conversation = createConversation({
        store,
        writer,
        tickets,
        recognizer: recognizer!,
        surface: runtime.surface,
        logger,
        waitUntil,
        clock: options.clock,
      });
      runtime.attach(conversation, { waitUntil });
      runtime.mount(app);
      if (options.reminderJob !== false)
        jobs.push(scheduleReminderJob(() => conversation.fireDueReminders(runtime.platform), logger));
      return { runtime, conversation };
    });
    if (config.retentionDays) jobs.push(scheduleRetentionJob(db.prisma, config.retentionDays, logger));
    const server = await listen(app, config.http);
    for (const runtime of runtimes) await runtime.start?.();
    const platforms = runtimes.map((runtime) => runtime.describe());
    logger.info({ url: server.url, platforms }, "http server listening");
    return {
      ...server,
      platforms,
      fireDueReminders: async () => {
        let fired = 0;
        for (const { runtime, conversation } of conversations)
          fired += await conversation.fireDueReminders(runtime.platform);
        return fired;
      },
      settle,
      stop: async () => {
        try {
          for (const job of jobs) await job.stop();
          for (const runtime of runtimes) await runtime.stop?.();
          await server.close();
          await settle();
        } finally {
          await db.close();
        }
      },
    };
  } catch (err) {
    for (const job of jobs) await job.stop();
    for (const runtime of runtimes) await runtime.stop?.().catch(() => undefined);
    await db.close();
    throw err;
  }
}
