/**
 * Teams / Adaptive Card limits we render against.
 * - Message size: Teams accepts about 100 KB per bot message, counted as
 *   UTF-16, and recommends staying within 80 KB for reliable delivery
 *   (learn.microsoft.com, "Format your bot messages"). We budget 80 KB.
 * - Adaptive Card schema 1.5 is what Teams renders for bots (isEnabled,
 *   tooltip and Action.ShowCard inputs all need ≥ 1.5 / 1.0).
 * - `actionsPerSet` follows Teams' host config (maxActions 6): more actions
 *   in one set go to an overflow menu, so we start a new row instead.
 * - `textBlockChars` is our own chunk size for long text (no schema limit);
 *   smaller blocks keep long updates scrollable and within the budget math.
 */
export const TEAMS_LIMITS = {
  cardVersion: "1.5",
  messageBytesUtf16: 80_000,
  actionsPerSet: 6,
  textBlockChars: 4000,
  /** Input.Text maxLength we ask for (same as Slack's plain_text_input, so both behave alike). */
  inputChars: 3000,
} as const;
