import { createInterface } from "node:readline";
import type { Conversation } from "../../engine/conversation/conversation.ts";
import type { AccountRef, ActorRef, Outbox, Place } from "../../engine/conversation/types.ts";
import type { ViewMessage } from "../../engine/views/model.ts";
import { parseConsoleLine } from "./parse.ts";
import { renderConsole } from "./render.ts";
import type { ConsoleAdapterOptions, ConsoleChoice } from "./types.ts";

export const CONSOLE_ACCOUNT: AccountRef = {
  platform: "console",
  externalId: "local",
  name: "Local console",
};
export const CONSOLE_PLACE: Place = { conversationId: "console" };

export interface ConsoleAdapter {
  outbox: Outbox;
  /** Handles one typed line; `readInput` supplies the next line when a choice asks for text. Returns false on /quit. */
  handleLine(
    conversation: Conversation,
    line: string,
    readInput: () => Promise<string | undefined>,
  ): Promise<boolean>;
  /** The numbered choices currently on offer (from the last message with buttons). */
  choices(): readonly ConsoleChoice[];
  /** Reads lines until end of input or /quit, handling each before the next. */
  run(conversation: Conversation): Promise<void>;
}

/**
 * The local console: the engineer types messages and /flowpilot commands;
 * buttons are numbered choices. Works interactively and with a script on stdin.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  const { output } = options;
  const actor: ActorRef = {
    platformUserId: options.engineer.id,
    displayName: options.engineer.displayName,
    isAdmin: true,
  };
  let choices: ConsoleChoice[] = [];
  let printed = 0;
  const write = (text: string) => output.write(text.endsWith("\n") ? text : `${text}\n`);

  function show(view: ViewMessage): string {
    const rendered = renderConsole(view);
    if (rendered.choices.length > 0) choices = rendered.choices;
    write(`\n${rendered.text}`);
    printed += 1;
    return String(printed);
  }

  const outbox: Outbox = {
    post: async (_place, view) => show(view),
    update: async (_place, _ref, view) => {
      show(view);
    },
  };

  async function choose(conversation: Conversation, n: number, readInput: () => Promise<string | undefined>) {
    const choice = choices.find((c) => c.n === n);
    if (!choice) {
      write(`No choice [${n}] on the last message. Type a number shown in brackets, or /flowpilot help.`);
      return;
    }
    if (choice.disabledReason) {
      write(`${choice.label} is not available: ${choice.disabledReason}`);
      return;
    }
    let input: string | undefined;
    if (choice.needsInput) {
      write(`${choice.needsInput.prompt}`);
      input = (await readInput())?.trim();
      if (!input) {
        write("Nothing entered; cancelled.");
        return;
      }
    }
    await conversation.handleAction({
      account: CONSOLE_ACCOUNT,
      actor,
      place: CONSOLE_PLACE,
      actionId: choice.actionId,
      payload: choice.payload,
      input,
    });
  }

  async function handleLine(
    conversation: Conversation,
    line: string,
    readInput: () => Promise<string | undefined>,
  ) {
    const parsed = parseConsoleLine(line);
    const base = { account: CONSOLE_ACCOUNT, actor, place: CONSOLE_PLACE };
    switch (parsed.kind) {
      case "empty":
        return true;
      case "quit":
        return false;
      case "command":
        await conversation.handleCommand({ ...base, command: parsed.command, text: parsed.text });
        return true;
      case "choice":
        await choose(conversation, parsed.n, readInput);
        return true;
      case "message":
        await conversation.handleMessage({ ...base, text: parsed.text, isMention: false });
        return true;
    }
  }

  return {
    outbox,
    handleLine,
    choices: () => choices,
    async run(conversation) {
      const rl = createInterface({ input: options.input, terminal: false });
      const lines = rl[Symbol.asyncIterator]();
      const next = async (): Promise<string | undefined> => {
        if (options.prompt) output.write("> ");
        const r = await lines.next();
        if (r.done) return undefined;
        if (options.echoInput) write(`> ${r.value}`);
        return r.value;
      };
      write(
        "FlowPilot console — type /flowpilot help, or /flowpilot start <ticket> [summary] --client NAME. /quit to leave.",
      );
      try {
        for (let line = await next(); line !== undefined; line = await next()) {
          if (!(await handleLine(conversation, line, next))) return;
        }
      } finally {
        rl.close();
      }
    },
  };
}
