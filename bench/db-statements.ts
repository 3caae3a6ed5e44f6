/**
 * Database statements per generated update, counted with Prisma query events
 * on an in-memory PGlite: the console adapter and the conversation core as an
 * engineer drives them, one scenario at a time.
 */
import { PassThrough } from "node:stream";
import { createConsoleAdapter } from "../src/adapters/console/index.ts";
import { createConversation } from "../src/chat/conversation.ts";
import { createPrismaConversationStore } from "../src/db/conversation-store.ts";
import { IN_MEMORY, openDatabase } from "../src/db/open.ts";
import { offlineWriter } from "../src/engine/writers/offline/index.ts";
import { createIntentRecognizer } from "../src/intents/index.ts";
import { printTable } from "./stats.ts";

/** Statements per request for each scenario, in order. */
export async function measureStatements(): Promise<[string, number][]> {
  let statements = 0;
  const db = await openDatabase({
    dataDir: IN_MEMORY,
    onQuery: () => {
      statements += 1;
    },
  });
  let offsetMs = 0;
  const adapter = createConsoleAdapter({
    input: new PassThrough(),
    output: new PassThrough(),
    echoInput: false,
    prompt: false,
    engineer: { id: "console:bench", displayName: "Sam Okafor" },
  });
  const conversation = createConversation({
    store: createPrismaConversationStore(db.prisma),
    writer: offlineWriter,
    recognizer: createIntentRecognizer(),
    surface: adapter.surface,
    clock: () => new Date(Date.now() + offsetMs),
  });
  const say = (line: string) => adapter.handleLine(conversation, line, async () => undefined);
  const choose = (label: RegExp) => {
    const choice = adapter.choices().find((c) => label.test(c.label));
    if (!choice) throw new Error(`no choice ${label}`);
    return say(String(choice.n));
  };
  const counted = async (work: () => Promise<unknown>) => {
    offsetMs += 60_000;
    const before = statements;
    await work();
    return statements - before;
  };

  await say("/flowpilot start TKT-6120 Outlook crashes on launch --client Harbor Dental");
  for (const line of [
    "Outlook 365 crashes on launch for two front desk users since this morning",
    "Safe mode works, so an add-in is the likely cause",
    "Disabled the Dentrix eClaims add-in on one PC: Outlook opens fine now",
  ])
    await say(line);

  const rows: [string, number][] = [
    ["a phrase naming audience and length (one event)", await counted(() => say("quick client update pls"))],
    ["Regenerate (one event)", await counted(() => choose(/Regenerate/))],
    ["Switch Length (one event)", await counted(() => choose(/Switch Length/))],
    [
      "Share Update, pick audience, pick length (three events)",
      await counted(async () => {
        await say("status update");
        await choose(/Ticket Notes/);
        await choose(/Detailed/);
      }),
    ],
    [
      "a troubleshooting message (recorded, no update)",
      await counted(() => say("Pushed the add-in removal to the other PC")),
    ],
  ];
  await db.close();
  return rows;
}

export async function runDbStatementsBench(): Promise<void> {
  printTable(
    "Database statements per request (Prisma query events, PGlite)",
    ["request", "statements"],
    await measureStatements(),
  );
}
