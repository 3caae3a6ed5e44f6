import { encodeActionPayload } from "../../chat/views/actions.ts";
import {
  disabledActionText,
  stripMarkup,
  type ViewAction,
  type ViewBlock,
  type ViewKind,
  type ViewMessage,
} from "../../chat/views/model.ts";
import type { ConsoleChoice } from "./types.ts";

/**
 * Pure renderer: one platform-neutral view to terminal text. Buttons become
 * numbered choices (`[1] Copy  [2] Regenerate`) that the console adapter
 * maps back to actions; generated updates are printed verbatim between rules
 * so they can be selected and pasted as they are.
 */

export interface ConsoleRender {
  text: string;
  choices: ConsoleChoice[];
  /** The view asks a question its choices answer (a picker), so a typed line is not its answer. */
  asks: boolean;
}

/** Views whose buttons answer the question they ask. */
const QUESTIONS: ReadonlySet<ViewKind> = new Set([
  "audience_picker",
  "length_picker",
  "reminder_options",
  "switch_audience",
]);

const RULE = "─".repeat(60);

/** Renders one view. Pure: the same view always gives the same text and choices. */
export function renderConsole(view: ViewMessage): ConsoleRender {
  const choices: ConsoleChoice[] = [];
  const lines = view.blocks.flatMap((block) => renderBlock(block, choices));
  return { text: lines.join("\n"), choices, asks: choices.length > 0 && QUESTIONS.has(view.kind) };
}

function renderBlock(block: ViewBlock, choices: ConsoleChoice[]): string[] {
  switch (block.type) {
    case "header":
      return [`== ${block.text} ==`];
    case "text":
      return [block.markdown ? stripMarkup(block.text) : block.text];
    case "update":
      // Verbatim, markdown included: this is the text the engineer pastes into the PSA or email.
      return [RULE, block.content, RULE];
    case "facts": {
      const width = Math.max(...block.items.map((f) => f.label.length)) + 1;
      return block.items.map((f) => `${`${f.label}:`.padEnd(width)} ${f.value}`);
    }
    case "context":
      return block.text.split("\n").map((l) => `  ${l}`);
    case "divider":
      return [""];
    case "actions":
      return renderActions(block.actions, choices);
    case "item": {
      const [first = "", ...rest] = stripMarkup(block.text).split("\n");
      if (!block.action) return [first, ...rest.map((l) => `    ${l}`)];
      const choice = addChoice(block.action, choices);
      return [
        `${first}  ${choiceLabel(choice)}`,
        ...rest.map((l) => `    ${l}`),
        ...notes(block.action, choice),
      ];
    }
  }
}

function renderActions(actions: readonly ViewAction[], choices: ConsoleChoice[]): string[] {
  if (actions.length === 0) return [];
  const added = actions.map((a) => ({ action: a, choice: addChoice(a, choices) }));
  return [
    added.map(({ choice }) => choiceLabel(choice)).join("  "),
    ...added.flatMap(({ action, choice }) => notes(action, choice)),
  ];
}

function addChoice(action: ViewAction, choices: ConsoleChoice[]): ConsoleChoice {
  const choice: ConsoleChoice = {
    n: choices.length + 1,
    actionId: action.id,
    payload: encodeActionPayload(action.payload),
    label: action.label,
  };
  if (action.disabledReason) choice.disabledReason = action.disabledReason;
  if (action.input) choice.needsInput = { prompt: action.input.prompt };
  choices.push(choice);
  return choice;
}

/** How a choice is shown: `[2] Regenerate`, or marked unavailable. */
export function choiceLabel(choice: ConsoleChoice): string {
  return choice.disabledReason
    ? `[${choice.n}] ${choice.label} (unavailable)`
    : `[${choice.n}] ${choice.label}`;
}

/** The lines under a row of choices: why one is unavailable, what one will do before it does it. */
function notes(action: ViewAction, choice: ConsoleChoice): string[] {
  const out: string[] = [];
  if (action.disabledReason) out.push(`    [${choice.n}] ${disabledActionText(action)}`);
  if (action.confirm) out.push(`    [${choice.n}] ${action.confirm.text}`);
  return out;
}
