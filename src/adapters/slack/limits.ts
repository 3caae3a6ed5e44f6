/**
 * Slack Block Kit limits we render against (docs.slack.dev block and
 * composition-object references). Exceeding any of them makes Slack reject
 * the whole message, so the renderer splits or adapts instead.
 */
export const SLACK_LIMITS = {
  /** Blocks per message. */
  blocks: 50,
  /** `text` of a section block (mrkdwn or plain_text). */
  sectionText: 3000,
  /** Fields per section block, and characters per field. */
  sectionFields: 10,
  fieldText: 2000,
  /** Header block plain_text. */
  headerText: 150,
  /** Elements per context block. */
  contextElements: 10,
  /** Any text object (context elements included). */
  textObject: 3000,
  /** Button label (plain_text). */
  buttonText: 75,
  /** Button `value`. */
  buttonValue: 2000,
  /** `action_id` of an interactive element; unique within its block. */
  actionId: 255,
  /** Elements per actions block. */
  actionsElements: 25,
  /** Confirmation dialog object fields. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;
