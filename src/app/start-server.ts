import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import type { ChatRuntime } from "../adapters/chat-runtime.ts";
import { createHttpApp } from "../adapters/http/app.ts";
import { listen, type RunningServer } from "../adapters/http/listen.ts";
import { createConversation } from "../chat/conversation.ts";
import { scheduleReminderJob } from "../chat/reminders.ts";
import { verifyApiToken } from "../db/api-tokens.ts";
import { createPrismaConversationStore } from "../db/conversation-store.ts";
import { sharedRequestBudget } from "../db/request-budget.ts";
import type { TicketPort } from "../domain/index.ts";
import { createWriter } from "../engine/writers/create-writer.ts";
import type { UpdateWriter } from "../engine/writers/types.ts";
import { createIntentRecognizer } from "../intents/index.ts";
import { intentLlmSettings } from "../llm/settings.ts";
import { createLogger } from "../logger.ts";
import { type ChatRuntimeOverrides, checkChatPlatforms, createChatRuntimes } from "./chat-platforms.ts";
import type { Config } from "./config.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { createTicketPoster } from "./psa-connections.ts";
import { scheduleRetentionJob } from "./retention-job.ts";
import {
  type Deadline,
  deadlineIn,
  SHUTDOWN_GRACE_MS,
  StartupInterrupted,
  settledBy,
  unlessStopped,
} from "./shutdown.ts";

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
  /**
   * A stop signal that may come while starting (a Socket Mode connection
   * still being made): start-up then closes what it opened and throws
   * StartupInterrupted.
   */
  signal?: AbortSignal;
}

/** What a stop left unfinished once the grace ran out (0 and 0 when everything finished). */
export interface StopOutcome {
  /** Background work (updates being written, reminders firing) still running, abandoned. */
  abandonedWork: number;
  /** HTTP requests still unanswered, cut off. */
  cutRequests: number;
}

export interface StartedServer extends RunningServer {
  /** The chat platforms served, for the start-up banner. */
  platforms: string[];
  /** Fires due reminders of every chat platform now; returns how many fired. */
  fireDueReminders(): Promise<number>;
  /** Waits for work that runs after acknowledgements (updates being written). */
  settle(): Promise<void>;
  /**
   * Stops the chat connections and the HTTP server, gives requests in flight
   * and background work SHUTDOWN_GRACE_MS to finish (abandoning the rest,
   * logged as counts), then closes the database.
   */
  stop(): Promise<StopOutcome>;
}

/**
 * Runs the one HTTP server: the REST API and /health always, plus every chat
 * platform whose settings are present (Slack at /slack/events, Teams at
 * /api/messages), each with its own conversation core over one database.
 */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<StartedServer> {
  const logger = createLogger(config.logLevel ?? "info", options.logStream);
  const { signal } = options;
  // Before the database: a refused token stops start-up without touching the data folder.
  await unlessStopped(checkChatPlatforms(config, { logger, signal }), signal);
  const db = await openAppDatabase(config, logger);
  const pending = new Set<Promise<unknown>>();
  const runtimes: ChatRuntime[] = [];
  const jobs: { destroy(): unknown }[] = [];
  let server: RunningServer | undefined;
  const settle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  const waitUntil = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
  };
  /** A scheduled run is background work too: shutdown waits for it like for an update being written. */
  const tracked =
    <T>(run: () => Promise<T>) =>
    () => {
      const work = run();
      waitUntil(work);
      return work;
    };
  try {
    if (signal?.aborted) throw new StartupInterrupted();
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
        jobs.push(
          scheduleReminderJob(
            tracked(() => conversation.fireDueReminders(runtime.platform)),
            logger,
          ),
        );
      return { runtime, conversation };
    });
    if (config.retentionDays)
      jobs.push(scheduleRetentionJob(db.prisma, config.retentionDays, logger, tracked));
    server = await listen(app, config.http);
    for (const runtime of runtimes) await unlessStopped(runtime.start?.() ?? Promise.resolve(), signal);
    const platforms = runtimes.map((runtime) => runtime.describe());
    logger.info({ url: server.url, platforms }, "http server listening");
    const running = server;
    let stopping: Promise<StopOutcome> | undefined;
    return {
      ...running,
      platforms,
      fireDueReminders: async () => {
        let fired = 0;
        for (const { runtime, conversation } of conversations)
          fired += await conversation.fireDueReminders(runtime.platform);
        return fired;
      },
      settle,
      stop: () => {
        stopping ??= shutDown({ jobs, runtimes, server: running, pending, logger, db });
        return stopping;
      },
    };
  } catch (err) {
    await shutDown({ jobs, runtimes, server, pending, logger, db });
    throw err;
  }
}

/**
 * Stops taking work (scheduled jobs, chat connections, new HTTP connections),
 * lets requests in flight and background work finish within the grace, cuts
 * what is left, and closes the database, which releases the data folder.
 */
async function shutDown(parts: {
  jobs: { destroy(): unknown }[];
  runtimes: ChatRuntime[];
  server: RunningServer | undefined;
  pending: Set<Promise<unknown>>;
  logger: ReturnType<typeof createLogger>;
  db: { close(): Promise<void> };
}): Promise<StopOutcome> {
  const { logger } = parts;
  const deadline: Deadline = deadlineIn(SHUTDOWN_GRACE_MS);
  const outcome: StopOutcome = { abandonedWork: 0, cutRequests: 0 };
  try {
    for (const job of parts.jobs) job.destroy();
    await Promise.all(
      parts.runtimes.map((runtime) =>
        runtime
          .stop?.()
          .catch((err: unknown) =>
            logger.warn(
              { platform: runtime.platform, err: String(err) },
              "chat connection did not close cleanly",
            ),
          ),
      ),
    );
    // Requests in flight may still hand work over (an acknowledged event): wait for them first.
    if (parts.server) await settledBy(parts.server.close(), deadline);
    while (parts.pending.size > 0 && deadline.remaining() > 0)
      await settledBy(Promise.allSettled([...parts.pending]), deadline);
    outcome.abandonedWork = parts.pending.size;
    outcome.cutRequests = parts.server?.cutOpenRequests() ?? 0;
    if (outcome.abandonedWork > 0 || outcome.cutRequests > 0)
      logger.warn(
        { ...outcome, graceMs: SHUTDOWN_GRACE_MS },
        "shutdown: work still running after the grace was abandoned",
      );
  } finally {
    await parts.db.close();
  }
  return outcome;
}
