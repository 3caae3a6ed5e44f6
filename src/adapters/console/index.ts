import { createInterface } from "node:readline";
import type { Conversation } from "../../chat/conversation.ts";
import type { ChatSurface, MessageRef } from "../../chat/types.ts";
import type { ViewMessage } from "../../chat/views/model.ts";
import { redactSecrets } from "../../secrets/index.ts";
import type { AccountRef, ActorRef, ThreadRef } from "../../sessions/types.ts";
import { askForInput } from "./ask-input.ts";
import { askEngineerName } from "./name-prompt.ts";
import { createOffers } from "./offered.ts";
import { type ConsoleInput, parseConsoleLine } from "./parse.ts";
import { createMessageReader, PASTE_GAP_MS } from "./paste.ts";
import { choiceLabel, renderConsole } from "./render.ts";
import type { ConsoleAdapterOptions, ConsoleChoice } from "./types.ts";

export const CONSOLE_ACCOUNT: AccountRef = {
  platform: "console",
  externalId: "local",
  name: "Local console",
};
/** The console's one conversation. */
export const CONSOLE_THREAD: ThreadRef = { account: CONSOLE_ACCOUNT, conversationId: "console" };

const EPHEMERAL_LABEL = "(only you can see this)";
/** The console has one screen: a direct message is printed there, labelled. */
const DIRECT = "console:direct";
const DIRECT_LABEL = "(direct message to you)";
/** Said when a line is recorded while a picker waits for its number. */
const NOT_THE_ANSWER = "Recorded as a session message; to answer the question above, type its number.";

export interface ConsoleAdapter {
  surface: ChatSurface;
  /** Handles one typed line; `readInput` supplies the next line when a choice or command asks for text. Returns false on /quit. */
  handleLine(
    conversation: Conversation,
    line: string,
    readInput: () => Promise<string | undefined>,
  ): Promise<boolean>;
  /** The numbered choices currently on offer (from the newest message that still has buttons). */
  choices(): readonly ConsoleChoice[];
  /** Reads lines until end of input, /quit or `stop`, handling each before the next. */
  run(conversation: Conversation, options?: { stop?: Promise<unknown> }): Promise<void>;
}

/**
 * The local console: the engineer types messages and /flowpilot commands;
 * buttons are numbered choices. Works interactively and with a script on stdin.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  const { output } = options;
  const actor: ActorRef = {
    platformUserId: options.engineer.id,
    displayName: options.engineer.displayName ?? "",
    isAdmin: true,
  };
  const startName = actor.displayName;
  const offers = createOffers();
  let printed = 0;
  /** Views shown while handling the current line, and whether any brought new choices. */
  let turn = { shown: 0, newChoices: false };
  /** Waiting at the "> " prompt: output arriving now (a reminder) must redraw it. */
  let atPrompt = false;
  const write = (text: string) => output.write(text.endsWith("\n") ? text : `${text}\n`);

  /** Prints a view as message `ref`: a new one, or the one it replaces (printed again below). */
  function show(ref: MessageRef, view: ViewMessage, label?: string): MessageRef {
    const rendered = renderConsole(view);
    offers.printed(ref, rendered);
    if (rendered.choices.length > 0) turn.newChoices = true;
    turn.shown += 1;
    // What only the engineer would see on Slack or Teams is labelled, so a shared screen knows.
    const text = label ? `${label}\n${rendered.text}` : rendered.text;
    write(`${atPrompt ? "\n" : ""}\n${text}`);
    if (atPrompt) output.write("> ");
    return ref;
  }

  const surface: ChatSurface = {
    post: async (thread, view, postOptions) =>
      show(
        { thread, id: String(++printed) },
        view,
        postOptions?.ephemeralTo
          ? EPHEMERAL_LABEL
          : thread.conversationId === DIRECT
            ? DIRECT_LABEL
            : undefined,
      ),
    // The console cannot edit what it printed: the replacement is printed below it.
    update: async (message, view) => {
      show(message, view);
    },
    openDirect: async (account) => ({ account, conversationId: DIRECT }),
    // The console's one user is the engineer at the keyboard, an admin of their own install.
    resolveUser: async (_account, platformUserId) =>
      platformUserId === actor.platformUserId
        ? { displayName: actor.displayName ?? "", isAdmin: true }
        : null,
    // The console has no profile to name the engineer: the name chosen is the one its events carry.
    nameChosen: (_account, platformUserId, displayName) => {
      if (platformUserId !== actor.platformUserId) return undefined;
      actor.displayName = displayName;
      return options.engineer.nameFromEnvironment
        ? `FLOWPILOT_ENGINEER_NAME is set, so the next start signs "${startName}" again; unset it to keep "${displayName}".`
        : undefined;
    },
  };

  async function choose(conversation: Conversation, n: number, readInput: () => Promise<string | undefined>) {
    const from = offers.live();
    const choice = from?.choices.find((c) => c.n === n);
    if (!from || !choice) {
      write(
        !from
          ? `There are no numbered choices yet, so "${n}" was not recorded. Type it as a sentence to record it, or /flowpilot help.`
          : `No choice [${n}] on the last message. Type a number shown in brackets, or /flowpilot help.`,
      );
      return;
    }
    if (choice.disabledReason) {
      write(`${choice.label} is not available: ${choice.disabledReason}`);
      return;
    }
    const press = (input?: string) =>
      conversation.handleAction({
        thread: CONSOLE_THREAD,
        actor,
        actionId: choice.actionId,
        payload: choice.payload,
        input,
        sourceMessage: from.ref,
      });
    const done = choice.needsInput
      ? await askForInput(
          { label: choice.label, prompt: choice.needsInput.prompt, retry: `choose [${choice.n}]` },
          { readInput, write },
          press,
        )
      : (await press()).status === "done";
    if (done) offers.answered(from);
  }

  /** A command typed without the text it needs (`/flowpilot resolve`) asks for it, as its button does. */
  async function command(
    conversation: Conversation,
    typed: Extract<ConsoleInput, { kind: "command" }>,
    readInput: () => Promise<string | undefined>,
  ) {
    const send = (input?: string) =>
      conversation.handleCommand({
        thread: CONSOLE_THREAD,
        actor,
        command: typed.command,
        text: typed.text,
        canAsk: true,
        input,
      });
    const outcome = await send();
    if (outcome.status !== "needs_input") return;
    const label = `/${typed.command} ${typed.text.trim()}`;
    await askForInput(
      { label, prompt: outcome.input.prompt, retry: "type the command again" },
      { readInput, write },
      send,
    );
  }

  async function handleLine(
    conversation: Conversation,
    line: string,
    readInput: () => Promise<string | undefined>,
  ) {
    const parsed = parseConsoleLine(line);
    turn = { shown: 0, newChoices: false };
    switch (parsed.kind) {
      case "empty":
        return true;
      case "quit":
        return false;
      case "command":
        await command(conversation, parsed, readInput);
        break;
      case "choice":
        await choose(conversation, parsed.n, readInput);
        break;
      case "message": {
        if (parsed.unknownCommand) {
          write(
            `${parsed.unknownCommand} is not a FlowPilot command (those are /flowpilot …, /flowpilot-update … and /quit), so the line is taken as a session message.`,
          );
        }
        const question = offers.live()?.asks;
        // Every console line is addressed to FlowPilot, so it answers when it cannot record one.
        const outcome = await conversation.handleMessage({
          thread: CONSOLE_THREAD,
          actor,
          text: parsed.text,
          isMention: true,
        });
        // A picker's answer is its number: a line typed instead is a message, and the engineer is told so.
        if (outcome.status === "recorded" && question) write(NOT_THE_ANSWER);
        break;
      }
    }
    // Buttons of the last message stay live; say so after a reply that had none of its own.
    const still = offers.live();
    if (turn.shown > 0 && !turn.newChoices && still) {
      write(`Still available: ${still.choices.map(choiceLabel).join("  ")}`);
    }
    return true;
  }

  return {
    surface,
    handleLine,
    choices: () => offers.live()?.choices ?? [],
    async run(conversation, runOptions = {}) {
      const rl = createInterface({ input: options.input, terminal: false });
      // a paste is one message: lines close together at a terminal, and blocks that announce their end
      const messages = createMessageReader(rl, options.prompt ? PASTE_GAP_MS : undefined);
      let stopped = false;
      const stop = runOptions.stop?.then(() => {
        stopped = true;
        return undefined;
      });
      const next = async (prompt = "> "): Promise<string | undefined> => {
        if (stopped) return undefined;
        if (options.prompt) {
          output.write(prompt);
          atPrompt = true;
        }
        const text = await (stop ? Promise.race([messages.next(), stop]) : messages.next());
        atPrompt = false;
        if (text === undefined) return undefined;
        // a scripted run's transcript shows what was typed, as FlowPilot keeps it: secrets as markers
        if (options.echoInput) write((await redactSecrets(text)).text.replace(/^/gm, "> "));
        return text;
      };
      write(
        "FlowPilot console — type /flowpilot help, or /flowpilot start <ticket> [summary] --client NAME. /quit to leave.",
      );
      try {
        if (!actor.displayName && (await learnName(next)) === "quit") return;
        for (let line = await next(); line !== undefined; line = await next()) {
          if (!(await handleLine(conversation, line, next))) return;
        }
      } finally {
        rl.close();
      }
    },
  };

  /** Asks an interactive engineer for their name once; the core stores it with their user. */
  async function learnName(next: (prompt: string) => Promise<string | undefined>) {
    if (!options.prompt) {
      write(
        'No engineer name is set, so sign-offs read "Your support team". Set it with /flowpilot name <your full name> or FLOWPILOT_ENGINEER_NAME, or start the console in a terminal once to be asked.',
      );
      return undefined;
    }
    const name = await askEngineerName(next, write);
    if (name && name !== "quit") {
      actor.displayName = name;
      write(`Thanks, ${name}. FlowPilot remembers it; /flowpilot name changes it.`);
    }
    return name;
  }
}
