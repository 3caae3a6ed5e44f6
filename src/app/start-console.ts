import { userInfo } from "node:os";
import type { Readable, Writable } from "node:stream";
import { CONSOLE_ACCOUNT, createConsoleAdapter } from "../adapters/console/index.ts";
import { createConversation } from "../chat/conversation.ts";
import { scheduleReminderJob } from "../chat/reminders.ts";
import { findAccount } from "../db/accounts.ts";
import { createPrismaConversationStore } from "../db/conversation-store.ts";
import { findUserName } from "../db/users.ts";
import { checkPersonName } from "../domain/index.ts";
import { createWriter } from "../engine/writers/create-writer.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createIntentRecognizer } from "../intents/index.ts";
import { intentLlmSettings } from "../llm/settings.ts";
import { createLogger } from "../logger.ts";
import type { Config } from "./config.ts";
import { openAppDatabase } from "./open-app-database.ts";
import { osFullName } from "./os-full-name.ts";
import { createTicketPoster } from "./psa-connections.ts";
import { deadlineIn, SHUTDOWN_GRACE_MS, settledBy } from "./shutdown.ts";

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** Resolves when the process is asked to stop: the console closes cleanly, database included. */
  untilStopped?: () => Promise<unknown>;
  /** Where JSON log lines go (stderr by default). */
  logStream?: Writable;
}

/**
 * Runs FlowPilot in the terminal on the embedded defaults (PGlite unless
 * DATABASE_URL, offline writer unless OPENAI_API_KEY, rules for intents).
 */
export async function startConsole(config: Config, io: ConsoleIo): Promise<void> {
  const logger = createLogger(config.logLevel ?? "warn", io.logStream);
  const db = await openAppDatabase(config, logger);
  try {
    const platformUserId = `console:${osUserName()}`;
    const adapter = createConsoleAdapter({
      input: io.input,
      output: io.output,
      echoInput: !io.interactive,
      prompt: io.interactive,
      engineer: {
        id: platformUserId,
        // The setting wins; else the name the console last signed with (asked, or set with
        // /flowpilot name), so a chosen name outlives the system's full name.
        displayName: config.engineerName ?? (await rememberedName(db.prisma, platformUserId)) ?? osFullName(),
        nameFromEnvironment: config.engineerName !== undefined,
      },
    });
    const conversation = createConversation({
      store: createPrismaConversationStore(db.prisma),
      writer: createWriter(config.llm),
      recognizer: createIntentRecognizer({ llm: intentLlmSettings(config.llm) }),
      surface: adapter.surface,
      tickets: createTicketPoster(db.prisma, config),
      logger,
    });
    const job = scheduleReminderJob(() => conversation.fireDueReminders("console"), logger);
    try {
      const stop = io.untilStopped?.();
      const running = adapter.run(conversation, { stop });
      if (!stop) return await running;
      const ended = await Promise.race([running.then(() => true), stop.then(() => false)]);
      // Asked to stop while a line is being handled (an update being written): it gets the grace, then is abandoned.
      if (ended) return;
      if (await settledBy(running, deadlineIn(SHUTDOWN_GRACE_MS))) return await running;
      running.catch(() => undefined);
      logger.warn(
        { abandonedWork: 1, graceMs: SHUTDOWN_GRACE_MS },
        "shutdown: work still running after the grace was abandoned",
      );
    } finally {
      job.destroy();
    }
  } finally {
    await db.close();
  }
}

function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "engineer";
  }
}

/**
 * The name this engineer's console signed with before (stored with their
 * user), unless it cannot be a name: an answer stored before the name prompt
 * refused commands ("/flowpilot help") is asked for again.
 */
async function rememberedName(prisma: PrismaClient, platformUserId: string): Promise<string | undefined> {
  const account = await findAccount(prisma, CONSOLE_ACCOUNT);
  const name = account ? await findUserName(prisma, account.id, platformUserId) : undefined;
  const check = name === undefined ? undefined : checkPersonName(name);
  return check?.ok ? check.name : undefined;
}
