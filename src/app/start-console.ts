import { userInfo } from "node:os";
import type { Readable, Writable } from "node:stream";
import { createConsoleAdapter } from "../adapters/console/index.ts";
import type { Config } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { createPrismaConversationStore } from "../db/conversation-store.ts";
import { createConversation } from "../engine/conversation/conversation.ts";
import { scheduleReminderJob } from "../engine/conversation/reminders.ts";
import { createWriter } from "../engine/writers/create-writer.ts";
import { createIntentRecognizer } from "../intents/index.ts";
import { createLogger } from "../logger.ts";
import { createTicketPoster } from "./psa-connections.ts";

/** Intent classification must stay snappy in a chat thread, whatever the writer's timeout. */
const INTENT_TIMEOUT_MS = 1_500;

/**
 * Runs FlowPilot in the terminal on the embedded defaults (PGlite unless
 * DATABASE_URL, offline writer unless OPENAI_API_KEY, rules for intents).
 */
export async function startConsole(
  config: Config,
  io: { input: Readable; output: Writable; interactive: boolean },
): Promise<void> {
  const logger = createLogger(config.logLevel ?? "warn");
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const user = userInfo().username;
  const adapter = createConsoleAdapter({
    input: io.input,
    output: io.output,
    echoInput: !io.interactive,
    prompt: io.interactive,
    engineer: { id: `console:${user}`, displayName: config.engineerName ?? user },
  });
  const conversation = createConversation({
    store: createPrismaConversationStore(db.prisma),
    writer: createWriter(config.llm),
    recognizer: createIntentRecognizer({
      llm: config.llm
        ? { ...config.llm, timeoutMs: Math.min(config.llm.timeoutMs, INTENT_TIMEOUT_MS) }
        : undefined,
    }),
    outbox: adapter.outbox,
    tickets: createTicketPoster(db.prisma, config),
    logger,
  });
  const job = scheduleReminderJob(() => conversation.fireDueReminders("console"), logger);
  try {
    await adapter.run(conversation);
  } finally {
    await job.stop();
    await db.close();
  }
}
