import { encodeActionPayload } from "../../chat/views/actions.ts";
import {
  disabledActionText,
  type ViewAction,
  type ViewBlock,
  type ViewMessage,
} from "../../chat/views/model.ts";
import { type Measure, splitText } from "../../chat/views/split.ts";
import { SLACK_LIMITS } from "./limits.ts";

/**
 * Pure renderer: one platform-neutral view to one Slack message (`text` +
 * Block Kit `blocks`), within Slack's limits. Long update text is split over
 * several section blocks on line boundaries; nothing is cut silently.
 */

export interface SlackBlock {
  type: string;
  [key: string]: unknown;
}

export interface SlackMessage {
  /** Notification / fallback text. */
  text: string;
  blocks: SlackBlock[];
}

type TextObject = { type: "plain_text"; text: string; emoji?: boolean } | { type: "mrkdwn"; text: string };

/** Slack needs `&`, `<` and `>` escaped in mrkdwn and top-level text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Neutral markup to Slack mrkdwn: `**bold**` -> `*bold*`, `- ` bullets -> `• `, escaped. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, "*$1*")
    .replace(/^(\s*)- /gm, "$1• ");
}

/**
 * Buttons of one kind repeat in a message (three audiences), and Slack wants
 * `action_id` unique per block, so each gets `#<n>`; `parseSlackActionId`
 * gives the FlowPilot action id back.
 */
export function slackActionId(id: string, index: number): string {
  return `${id}#${index}`;
}

/** The FlowPilot action id of a Slack `action_id` made by `slackActionId`. */
export function parseSlackActionId(actionId: string): string {
  return actionId.replace(/#\d+$/, "");
}

const plain = (text: string): TextObject => ({ type: "plain_text", text, emoji: true });
/** Text cut to `max` characters with an ellipsis (labels and titles Slack limits). */
export const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Renders one view. Pure: the same view always gives the same JSON. */
export function renderBlockKit(view: ViewMessage): SlackMessage {
  const { text, parts } = renderParts(view);
  return { text, blocks: fitBlockCount(parts) };
}

function renderParts(view: ViewMessage): { text: string; parts: Part[] } {
  const state = { buttons: 0 };
  const parts = view.blocks.map((block) => renderBlock(block, state));
  if (!view.mention) return { text: escapeMrkdwn(view.text), parts };
  // The person a reminder is for is notified by a real mention, not their name in text.
  const mention = `<@${view.mention.platformUserId}>`;
  return {
    text: `${mention} ${escapeMrkdwn(view.text)}`,
    parts: [{ blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: mention }] }] }, ...parts],
  };
}

/**
 * One view as one or more Slack messages, so that nothing is ever cut: each
 * message keeps within 50 blocks and well under the ~12,000 characters of
 * blocks where Slack starts refusing (`msg_blocks_too_long`). Buttons stay
 * with the text they act on; later messages continue the text.
 */
export function renderSlackMessages(view: ViewMessage): SlackMessage[] {
  const { text, parts } = renderParts(view);
  const blocks = parts.flatMap((p) => p.blocks);
  const messages: SlackBlock[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const blockSize = JSON.stringify(block).length;
    const current = messages[messages.length - 1]!;
    if (
      current.length > 0 &&
      (current.length === SLACK_LIMITS.blocks || size + blockSize > MESSAGE_BLOCK_CHARS)
    ) {
      messages.push([block]);
      size = blockSize;
    } else {
      current.push(block);
      size += blockSize;
    }
  }
  return messages.map((b, i) => ({
    text: i === 0 ? text : `${text} (continued, part ${i + 1} of ${messages.length})`,
    blocks: b,
  }));
}

/** Serialized block characters per message: Slack refuses some messages from ~12,000. */
export const MESSAGE_BLOCK_CHARS = 11_000;

interface Part {
  blocks: SlackBlock[];
  /** For update text: characters of the source in each block, to say how much an overflow hides. */
  updateChars?: number[];
}

function renderBlock(block: ViewBlock, state: { buttons: number }): Part {
  switch (block.type) {
    case "header":
      if (block.text.length <= SLACK_LIMITS.headerText) {
        return { blocks: [{ type: "header", text: plain(block.text) }] };
      }
      return { blocks: sections(block.text, (t) => `*${toMrkdwn(t)}*`) };
    case "text":
      return {
        blocks: block.markdown
          ? sections(block.text, toMrkdwn)
          : splitText(block.text, SLACK_LIMITS.sectionText).map((c) => section(plain(c.text))),
      };
    case "update":
      return renderUpdate(block);
    case "facts":
      return { blocks: renderFacts(block.items) };
    case "context":
      return { blocks: contexts(block.text) };
    case "divider":
      return { blocks: [{ type: "divider" }] };
    case "actions":
      return { blocks: renderActions(block.actions, state) };
    case "item": {
      const text = clip(toMrkdwn(block.text), SLACK_LIMITS.sectionText);
      const item: SlackBlock = section({ type: "mrkdwn", text });
      const blocks = [item];
      if (block.action && !block.action.disabledReason) item.accessory = button(block.action, state);
      else if (block.action) blocks.push(...contexts(disabledActionText(block.action)));
      return { blocks };
    }
  }
}

function section(text: TextObject): SlackBlock {
  return { type: "section", text };
}

/** Mrkdwn sections, split where the converted text would pass the section limit. */
function sections(text: string, convert: (t: string) => string): SlackBlock[] {
  const measure: Measure = (t) => convert(t).length;
  return splitText(text, SLACK_LIMITS.sectionText, measure).map((c) =>
    section({ type: "mrkdwn", text: convert(c.text) }),
  );
}

function renderUpdate(block: Extract<ViewBlock, { type: "update" }>): Part {
  let convert: (t: string) => TextObject;
  if (block.copyable) {
    // A code block keeps the raw text (markdown included) exactly as it will be pasted.
    convert = (t) => ({ type: "mrkdwn", text: `\`\`\`\n${escapeMrkdwn(t)}\n\`\`\`` });
  } else if (block.format === "markdown") {
    convert = (t) => ({ type: "mrkdwn", text: toMrkdwn(t) });
  } else {
    convert = (t) => plain(t);
  }
  const chunks = splitText(block.content, SLACK_LIMITS.sectionText, (t) => convert(t).text.length);
  return {
    blocks: chunks.map((c) => section(convert(c.text))),
    updateChars: chunks.map((c) => c.text.length + c.separator.length),
  };
}

function renderFacts(items: readonly { label: string; value: string }[]): SlackBlock[] {
  const fields = items.map(
    (f): TextObject => ({
      type: "mrkdwn",
      text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
    }),
  );
  const out: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields) {
    out.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.sectionFields) });
  }
  return out;
}

function contexts(text: string): SlackBlock[] {
  return splitText(text, SLACK_LIMITS.textObject, (t) => toMrkdwn(t).length).map((c) => ({
    type: "context",
    elements: [{ type: "mrkdwn", text: toMrkdwn(c.text) }],
  }));
}

/** Enabled actions become buttons (25 per block); disabled ones a context line with the reason. */
function renderActions(actions: readonly ViewAction[], state: { buttons: number }): SlackBlock[] {
  const enabled = actions.filter((a) => !a.disabledReason);
  const out: SlackBlock[] = [];
  for (let i = 0; i < enabled.length; i += SLACK_LIMITS.actionsElements) {
    out.push({
      type: "actions",
      elements: enabled.slice(i, i + SLACK_LIMITS.actionsElements).map((a) => button(a, state)),
    });
  }
  for (const a of actions.filter((x) => x.disabledReason)) out.push(...contexts(disabledActionText(a)));
  return out;
}

function button(action: ViewAction, state: { buttons: number }): SlackBlock {
  const el: SlackBlock = {
    type: "button",
    text: plain(clip(action.label, SLACK_LIMITS.buttonText)),
    action_id: slackActionId(action.id, state.buttons++),
    value: encodeActionPayload(action.payload),
  };
  if (action.style) el.style = action.style;
  if (action.confirm) {
    el.confirm = {
      title: { type: "plain_text", text: clip(action.confirm.title, SLACK_LIMITS.confirmTitle) },
      text: { type: "plain_text", text: clip(action.confirm.text, SLACK_LIMITS.confirmText) },
      confirm: { type: "plain_text", text: clip(action.confirm.confirm, SLACK_LIMITS.confirmButton) },
      deny: { type: "plain_text", text: clip(action.confirm.deny, SLACK_LIMITS.confirmButton) },
      ...(action.style === "danger" ? { style: "danger" } : {}),
    };
  }
  return el;
}

/**
 * Keeps a message within 50 blocks. Only update text can be long enough to
 * overflow; its last blocks give way to a visible note saying how much is not
 * shown and where the full text is, so nothing disappears silently.
 */
function fitBlockCount(parts: Part[]): SlackBlock[] {
  const total = parts.reduce((n, p) => n + p.blocks.length, 0);
  let excess = total - SLACK_LIMITS.blocks;
  if (excess <= 0) return parts.flatMap((p) => p.blocks);
  for (let i = parts.length - 1; i >= 0 && excess > 0; i -= 1) {
    const part = parts[i]!;
    if (!part.updateChars || part.blocks.length < 2) continue;
    const remove = Math.min(excess + 1, part.blocks.length - 1);
    const hidden = part.updateChars.slice(-remove).reduce((a, b) => a + b, 0);
    const note = contexts(
      `⚠️ ${hidden.toLocaleString("en-US")} more characters of this update are not shown: Slack allows ${SLACK_LIMITS.blocks} blocks per message. The full text is saved in the session — open it from /flowpilot history.`,
    );
    parts[i] = { blocks: [...part.blocks.slice(0, -remove), ...note] };
    excess -= remove - note.length;
  }
  return parts.flatMap((p) => p.blocks).slice(0, SLACK_LIMITS.blocks);
}
