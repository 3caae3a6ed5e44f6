import { PassThrough } from "node:stream";
import { CONSOLE_THREAD, createConsoleAdapter } from "../../src/adapters/console/index.ts";
import { createConversation } from "../../src/chat/conversation.ts";
import type { ChatSurface, MessageRef } from "../../src/chat/types.ts";
import type { ViewMessage } from "../../src/chat/views/model.ts";
import { createPrismaConversationStore } from "../../src/db/conversation-store.ts";
import type { TicketPort } from "../../src/domain/index.ts";
import { offlineWriter } from "../../src/engine/writers/offline/index.ts";
import type { UpdateWriter } from "../../src/engine/writers/types.ts";
import { createIntentRecognizer } from "../../src/intents/index.ts";
import { emptiedTestDatabase, type TestDbKind } from "./db.ts";

export interface SentView {
  kind: "post" | "update";
  ref: MessageRef | undefined;
  view: ViewMessage;
  ephemeralTo?: string;
}

export interface HarnessOptions {
  kind?: TestDbKind;
  tickets?: TicketPort;
  writer?: UpdateWriter;
  /** The engineer's name as the console starts with it; null: none known (an interactive console asks). */
  engineer?: string | null;
  /** The name comes from FLOWPILOT_ENGINEER_NAME. */
  nameFromEnvironment?: boolean;
  /** A terminal: prompts are shown (`run` then drives the console's own read loop). */
  interactive?: boolean;
  /** Run slow work after the handler returns (as the Slack and Teams runtimes do); `settle()` awaits it. */
  ackFirst?: boolean;
}

/** A platform outage for some posts: while `failing(view)` is true, posting that view throws. */
export interface PostFault {
  failing: (view: ViewMessage) => boolean;
}

/**
 * The real console adapter and conversation core on a fresh database, driven
 * line by line as an engineer would type. The clock runs in real time plus an
 * offset that `advance` moves forward (reminders, debounce).
 */
export async function createConsoleHarness(options: HarnessOptions = {}) {
  const t = await emptiedTestDatabase(options.kind ?? "pglite");
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const output = new PassThrough();
  let transcript = "";
  output.on("data", (chunk: Buffer) => {
    transcript += chunk.toString("utf8");
  });
  const input = new PassThrough();
  const engineerName = options.engineer === null ? undefined : (options.engineer ?? "Sam Okafor");
  const adapter = createConsoleAdapter({
    input,
    output,
    echoInput: false,
    prompt: options.interactive ?? false,
    engineer: {
      id: "console:test",
      displayName: engineerName,
      nameFromEnvironment: options.nameFromEnvironment,
    },
  });
  const store = createPrismaConversationStore(t.db.prisma);
  /** What the core asked the console to show, in order: which view, posted or replacing, to whom. */
  const sent: SentView[] = [];
  let fault: PostFault | undefined;
  const deferred: Promise<unknown>[] = [];
  const surface: ChatSurface = {
    ...adapter.surface,
    post: async (thread, view, postOptions) => {
      if (fault?.failing(view)) throw new Error("chat platform answered 503");
      const ref = await adapter.surface.post(thread, view, postOptions);
      sent.push({ kind: "post", ref, view, ephemeralTo: postOptions?.ephemeralTo });
      return ref;
    },
    update: async (ref, view) => {
      await adapter.surface.update(ref, view);
      sent.push({ kind: "update", ref, view });
    },
  };
  const deps = {
    store,
    writer: options.writer ?? offlineWriter,
    recognizer: createIntentRecognizer(),
    surface,
    tickets: options.tickets,
    clock,
    waitUntil: options.ackFirst ? (work: Promise<unknown>) => void deferred.push(work) : undefined,
  };
  let conversation = createConversation(deps);

  async function say(line: string, ...inputs: string[]): Promise<string> {
    const before = transcript.length;
    await adapter.handleLine(conversation, line, async () => inputs.shift());
    await new Promise((r) => setImmediate(r));
    return transcript.slice(before);
  }

  /** Picks the numbered choice whose label matches, as the engineer would. */
  async function choose(label: RegExp | string, ...inputs: string[]): Promise<string> {
    const match = adapter
      .choices()
      .find((c) => (typeof label === "string" ? c.label.includes(label) : label.test(c.label)));
    if (!match) {
      throw new Error(
        `no choice ${label} among: ${adapter
          .choices()
          .map((c) => c.label)
          .join(" | ")}; the console said:\n${transcript.slice(-1500)}`,
      );
    }
    return say(String(match.n), ...inputs);
  }

  /** Presses a button from an earlier message, as a stale button in a chat history would be pressed. */
  async function press(
    choice: { actionId: string; payload: string },
    input?: string,
    delivery: { sourceMessage?: MessageRef; eventId?: string } = {},
  ): Promise<string> {
    const before = transcript.length;
    await conversation.handleAction({
      thread: CONSOLE_THREAD,
      actor: { platformUserId: "console:test", displayName: engineerName, isAdmin: true },
      actionId: choice.actionId,
      payload: choice.payload,
      input,
      ...delivery,
    });
    return transcript.slice(before);
  }

  /** The console's own read loop over these typed lines, until they end or /quit; returns what it printed. */
  async function run(lines: readonly string[]): Promise<string> {
    const before = transcript.length;
    input.end(lines.map((l) => `${l}\n`).join(""));
    await adapter.run(conversation);
    return transcript.slice(before);
  }

  /**
   * The console's own read loop with the lines typed as an engineer types them: each once the
   * console shows its prompt again ("> " or a question ending in ": "). Lines written at once, as
   * `run` writes them, arrive as a paste, which an interactive console takes as one message.
   */
  async function type(lines: readonly string[]): Promise<string> {
    const before = transcript.length;
    const running = adapter.run(conversation);
    let seen = before - 1;
    for (const line of lines) {
      const deadline = Date.now() + 60_000;
      while (!(transcript.length > seen && /(?:> |: )$/.test(transcript))) {
        if (Date.now() > deadline) throw new Error(`no prompt for ${JSON.stringify(line)}:\n${transcript}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      seen = transcript.length;
      input.write(`${line}\n`);
    }
    input.end();
    await running;
    return transcript.slice(before);
  }

  return {
    say,
    run,
    type,
    press,
    choose,
    choices: () => adapter.choices(),
    sent,
    /** Makes some posts fail from now on (undefined: none). */
    setPostFault(next: PostFault | undefined) {
      fault = next;
    },
    /** Awaits the work handed to waitUntil so far. */
    settle: async () => {
      while (deferred.length > 0) await deferred.shift();
    },
    store,
    prisma: t.db.prisma,
    db: t.db,
    url: t.url,
    now: clock,
    advance(minutes: number) {
      offsetMs += minutes * 60_000;
    },
    /** A new conversation core on the same database, as after a restart. */
    restart() {
      conversation = createConversation(deps);
    },
    fireReminders: () => conversation.fireDueReminders("console"),
    /** The conversation core the console is wired to. */
    conversation: () => conversation,
    cleanup: () => t.cleanup(),
    get transcript() {
      return transcript;
    },
  };
}

export type ConsoleHarness = Awaited<ReturnType<typeof createConsoleHarness>>;
