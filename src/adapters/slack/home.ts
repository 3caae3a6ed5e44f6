import { TEMPLATE_SETTINGS } from "../../chat/views/index.ts";
import type { ViewMessage } from "../../chat/views/model.ts";
import type { CommunicationTemplates } from "../../engine/templates.ts";
import { renderBlockKit, type SlackBlock } from "./render.ts";

export const EDIT_TEMPLATES_ACTION = "home.edit_templates";
export const TEMPLATES_MODAL_CALLBACK = "flowpilot_templates";

/** The App Home tab: the core's home view, plus an Edit button for admins. */
export function homeTab(view: ViewMessage, canEdit: boolean) {
  const blocks: SlackBlock[] = renderBlockKit(view).blocks;
  if (canEdit)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: EDIT_TEMPLATES_ACTION,
          text: { type: "plain_text", text: "Edit templates" },
          value: "templates",
        },
      ],
    });
  return { type: "home" as const, blocks };
}

/** A form over the team's templates: a menu for each setting with fixed options, text for the others. */
export function templatesModal(templates: CommunicationTemplates, companyName: string) {
  const blocks: SlackBlock[] = TEMPLATE_SETTINGS.map((setting) => {
    const value = templates[setting.key];
    const current = setting.show ? setting.show(value) : String(value ?? "");
    const element =
      typeof setting.options === "string"
        ? {
            type: "plain_text_input",
            action_id: "value",
            initial_value: current,
            max_length: 200,
            placeholder: { type: "plain_text", text: setting.options.slice(0, 150) },
          }
        : {
            type: "static_select",
            action_id: "value",
            options: setting.options.map((o) => ({ text: { type: "plain_text", text: o }, value: o })),
            ...(setting.options.includes(current)
              ? { initial_option: { text: { type: "plain_text", text: current }, value: current } }
              : {}),
          };
    return {
      type: "input",
      block_id: setting.key,
      label: { type: "plain_text", text: setting.label },
      element,
    };
  });
  blocks.push({
    type: "input",
    block_id: "company_name",
    optional: true,
    label: { type: "plain_text", text: "Company name (email sign-offs)" },
    element: { type: "plain_text_input", action_id: "value", max_length: 120, initial_value: companyName },
  });
  return {
    type: "modal" as const,
    callback_id: TEMPLATES_MODAL_CALLBACK,
    title: { type: "plain_text" as const, text: "Team templates" },
    submit: { type: "plain_text" as const, text: "Save" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks,
  };
}

type StateValue = { value?: string | null; selected_option?: { value: string } | null };

/** The submitted values, by setting key. */
export function readTemplatesModal(
  values: Record<string, Record<string, StateValue>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, block] of Object.entries(values)) {
    const v = block.value;
    const value = v?.selected_option?.value ?? v?.value;
    if (typeof value === "string") out[key] = value;
  }
  return out;
}
