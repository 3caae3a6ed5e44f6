import { encodeActionPayload } from "../../chat/views/actions.ts";
import {
  disabledActionText,
  type ViewAction,
  type ViewBlock,
  type ViewMessage,
} from "../../chat/views/model.ts";
import { splitText } from "../../chat/views/split.ts";
import { TEAMS_LIMITS } from "./limits.ts";

/**
 * Pure renderer: one platform-neutral view to one Adaptive Card (schema
 * 1.5) for Teams. Buttons are Universal Actions (`Action.Execute`, verb = the
 * action id, `data: { action, payload }`), answered from the bot's
 * `adaptiveCard/action` invoke; actions that need text carry an
 * `Action.ShowCard` with an `Input.Text` (id `input`, merged into the
 * invoke's data), and confirmations a show-card with the warning and the
 * confirming button. A view addressed to someone (a reminder) opens with an
 * `<at>` mention of them.
 */

export interface AdaptiveElement {
  type: string;
  [key: string]: unknown;
}

export interface AdaptiveAction {
  type: "Action.Execute" | "Action.ShowCard";
  title: string;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: typeof TEAMS_LIMITS.cardVersion;
  fallbackText: string;
  body: AdaptiveElement[];
  msteams?: { width?: "Full"; entities?: TeamsMention[] };
}

/** A mention entity: Teams notifies `mentioned` and shows `text` (as it appears in the card) as their name. */
export interface TeamsMention {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

/** What Teams sends back in the invoke's `value.action.data` when a button is pressed. */
export interface TeamsSubmitData {
  action: string;
  payload: string;
  /** Which input of the card the text was typed into (ids are unique per card; the client merges them into data). */
  inputId?: string;
  /** The text typed into a show-card input (edit, custom reminder, resolve summary), under `inputId`. */
  input?: string;
  [input: string]: string | undefined;
}

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/**
 * The id of the text input inside show-cards: "input" for the first of a
 * card, "input-2", "input-3" … for the next (ids must be unique in a card).
 * Its submit names it in `data.inputId`; the value arrives in data under it.
 */
export const TEAMS_INPUT_ID = "input";

/** Renders one view. Pure: the same view always gives the same JSON. */
export function renderAdaptiveCard(view: ViewMessage): AdaptiveCard {
  const parts = view.blocks.map(renderBlock);
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: TEAMS_LIMITS.cardVersion,
    fallbackText: view.text,
    body: [],
  };
  if (view.blocks.some((b) => b.type === "update")) card.msteams = { width: "Full" };
  if (view.mention) {
    const text = `<at>${view.mention.name || "you"}</at>`;
    parts.unshift({ elements: [textBlock(text, { weight: "Bolder" })] });
    card.msteams = {
      ...card.msteams,
      entities: [
        { type: "mention", text, mentioned: { id: view.mention.platformUserId, name: view.mention.name } },
      ],
    };
  }
  return numberInputs(fitSize(card, parts));
}

/** Gives each show-card input its own id and tells its submit which one it is. */
function numberInputs(card: AdaptiveCard): AdaptiveCard {
  let n = 0;
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const el = node as AdaptiveElement;
    if (el.type === "Action.ShowCard") {
      const sub = el.card as { body: AdaptiveElement[]; actions: AdaptiveAction[] };
      const input = sub.body.find((b) => b.type === "Input.Text" && b.id === TEAMS_INPUT_ID);
      if (input) {
        n += 1;
        const id = n === 1 ? TEAMS_INPUT_ID : `${TEAMS_INPUT_ID}-${n}`;
        input.id = id;
        for (const a of sub.actions) (a.data as TeamsSubmitData).inputId = id;
      }
    }
    for (const key of ["body", "items", "columns", "actions"])
      for (const child of (el[key] as unknown[] | undefined) ?? []) visit(child);
  };
  visit(card);
  return card;
}

/** Neutral markup to Teams TextBlock markdown: paragraphs need a blank line; list items one newline. */
export function toTeamsMarkdown(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const bullet = (l: string) => /^\s*- /.test(l);
  return lines
    .map((l, i) => (i === 0 ? l : `${bullet(l) && bullet(lines[i - 1]!) ? "\n" : "\n\n"}${l}`))
    .join("");
}

interface Part {
  elements: AdaptiveElement[];
  /** For update text: characters of the source in each element. */
  updateChars?: number[];
}

const textBlock = (text: string, extra: Record<string, unknown> = {}): AdaptiveElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});

function renderBlock(block: ViewBlock): Part {
  switch (block.type) {
    case "header":
      return { elements: [textBlock(block.text, { size: "Large", weight: "Bolder" })] };
    case "text":
      return {
        elements: splitText(block.text, TEAMS_LIMITS.textBlockChars).map((c) =>
          textBlock(block.markdown ? toTeamsMarkdown(c.text) : c.text),
        ),
      };
    case "update":
      return renderUpdate(block);
    case "facts":
      return {
        elements: [{ type: "FactSet", facts: block.items.map((f) => ({ title: f.label, value: f.value })) }],
      };
    case "context":
      return { elements: [textBlock(block.text, { isSubtle: true, size: "Small", spacing: "Small" })] };
    case "divider":
      return { elements: [{ type: "Container", separator: true, spacing: "Medium", items: [] }] };
    case "actions":
      return { elements: renderActions(block.actions) };
    case "item": {
      const columns: AdaptiveElement[] = [
        { type: "Column", width: "stretch", items: [textBlock(toTeamsMarkdown(block.text))] },
      ];
      if (block.action) {
        columns.push({
          type: "Column",
          width: "auto",
          verticalContentAlignment: "Center",
          items: [{ type: "ActionSet", actions: [toAction(block.action)] }],
        });
      }
      return { elements: [{ type: "ColumnSet", columns }] };
    }
  }
}

/**
 * Update text. Markdown updates render as TextBlocks; plain and copyable ones
 * as RichTextBlock text runs, which Teams shows literally (no markdown), so
 * the text reads — and copies — exactly as written.
 */
function renderUpdate(block: Extract<ViewBlock, { type: "update" }>): Part {
  const chunks = splitText(block.content, TEAMS_LIMITS.textBlockChars);
  const literal = block.copyable || block.format === "plain";
  const elements = chunks.map((c) =>
    literal
      ? {
          type: "RichTextBlock",
          inlines: [{ type: "TextRun", text: c.text, ...(block.copyable ? { fontType: "Monospace" } : {}) }],
        }
      : textBlock(toTeamsMarkdown(c.text)),
  );
  const wrapped: AdaptiveElement = { type: "Container", style: "emphasis", items: elements };
  return {
    elements: [wrapped],
    updateChars: chunks.map((c) => c.text.length + c.separator.length),
  };
}

/** One ActionSet per row of up to six; disabled actions stay visible (isEnabled false) with their reason below. */
function renderActions(actions: readonly ViewAction[]): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  for (let i = 0; i < actions.length; i += TEAMS_LIMITS.actionsPerSet) {
    out.push({ type: "ActionSet", actions: actions.slice(i, i + TEAMS_LIMITS.actionsPerSet).map(toAction) });
  }
  for (const a of actions.filter((x) => x.disabledReason)) {
    out.push(textBlock(disabledActionText(a), { isSubtle: true, size: "Small", spacing: "Small" }));
  }
  return out;
}

function submitData(action: ViewAction): TeamsSubmitData {
  return { action: action.id, payload: encodeActionPayload(action.payload) };
}

const execute = (title: string, action: ViewAction, extra: Record<string, unknown> = {}): AdaptiveAction => ({
  type: "Action.Execute",
  title,
  verb: action.id,
  data: submitData(action),
  ...extra,
});

function toAction(action: ViewAction): AdaptiveAction {
  const style =
    action.style === "primary" ? "positive" : action.style === "danger" ? "destructive" : undefined;
  const styled = style ? { style } : {};
  if (action.disabledReason) {
    return execute(action.label, action, { isEnabled: false, tooltip: action.disabledReason, ...styled });
  }
  if (action.input) {
    const input = action.input;
    return {
      type: "Action.ShowCard",
      title: action.label,
      ...styled,
      card: subCard(
        [
          {
            type: "Input.Text",
            id: TEAMS_INPUT_ID,
            label: input.prompt,
            isMultiline: input.multiline ?? false,
            maxLength: Math.min(input.maxLength ?? TEAMS_LIMITS.inputChars, TEAMS_LIMITS.inputChars),
            isRequired: true,
            errorMessage: "Type something first.",
            ...(input.placeholder ? { placeholder: input.placeholder } : {}),
          },
        ],
        execute("Submit", action, styled),
      ),
    };
  }
  if (action.confirm) {
    return {
      type: "Action.ShowCard",
      title: action.label,
      ...styled,
      card: subCard(
        [textBlock(`**${action.confirm.title}**`), textBlock(action.confirm.text)],
        execute(action.confirm.confirm, action, styled),
      ),
    };
  }
  return execute(action.label, action, styled);
}

function subCard(body: AdaptiveElement[], submit: AdaptiveAction) {
  return { type: "AdaptiveCard", version: TEAMS_LIMITS.cardVersion, body, actions: [submit] };
}

const utf16Bytes = (value: unknown) => JSON.stringify(value).length * 2;

/**
 * Keeps the card within the message budget. Only update text can be that
 * long; its last chunks give way to a visible note saying how much is not
 * shown and where to find the full text, so nothing disappears silently.
 */
function fitSize(card: AdaptiveCard, parts: Part[]): AdaptiveCard {
  const build = () => ({ ...card, body: parts.flatMap((p) => p.elements) });
  let out = build();
  for (let i = parts.length - 1; i >= 0 && utf16Bytes(out) > TEAMS_LIMITS.messageBytesUtf16; i -= 1) {
    const part = parts[i]!;
    if (!part.updateChars) continue;
    const container = part.elements[0]!;
    const items = [...(container.items as AdaptiveElement[])];
    let hidden = 0;
    while (items.length > 1 && utf16Bytes(out) > TEAMS_LIMITS.messageBytesUtf16) {
      items.pop();
      hidden += part.updateChars[items.length] ?? 0;
      const note = textBlock(
        `⚠️ ${hidden.toLocaleString("en-US")} more characters of this update are not shown: the message would exceed Teams' size limit. The full text is saved in the session — open it from /flowpilot history.`,
        { isSubtle: true, size: "Small" },
      );
      parts[i] = { elements: [{ ...container, items }, note], updateChars: part.updateChars };
      out = build();
    }
  }
  return out;
}
