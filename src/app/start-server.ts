import { readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { createHttpApp } from "../adapters/http/app.ts";
import { listen, type RunningServer } from "../adapters/http/listen.ts";
import type { Config } from "../config.ts";
import { verifyApiToken } from "../db/api-tokens.ts";
import { createPrismaConversationStore } from "../db/conversation-store.ts";
import type { TicketPort } from "../domain/index.ts";
import { createWriter } from "../engine/writers/create-writer.ts";
import { createLogger } from "../logger.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { createTicketPoster } from "./psa-connections.ts";

const VERSION: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;

export interface StartServerOptions {
  /**
   * The PSA behind ticket lookup and Post to Ticket. Defaults to each
   * account's stored ConnectWise connection, else the CONNECTWISE_* settings.
   */
  tickets?: TicketPort;
  /** Where JSON log lines go (stderr by default). */
  logStream?: Writable;
}

export interface StartedServer extends RunningServer {
  /** Stops the HTTP server, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Runs the REST API on config.http (PGlite unless DATABASE_URL, offline
 * writer unless OPENAI_API_KEY). Nothing else is scheduled: API sessions get
 * no reminders.
 */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<StartedServer> {
  const logger = createLogger(config.logLevel ?? "info", options.logStream);
  const db = await openAppDatabase(config, logger);
  try {
    const app = createHttpApp(
      {
        store: createPrismaConversationStore(db.prisma),
        writer: createWriter(config.llm),
        tickets: options.tickets ?? createTicketPoster(db.prisma, config),
        tokens: { verify: async (token) => (await verifyApiToken(db.prisma, token))?.account ?? null },
        logger,
      },
      { version: VERSION, requestsPerMinute: config.http.requestsPerMinute },
    );
    const server = await listen(app, config.http);
    logger.info({ url: server.url }, "http api listening");
    return {
      ...server,
      stop: async () => {
        try {
          await server.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
