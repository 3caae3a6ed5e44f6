/**
 * Text as it enters FlowPilot (chat and console messages, commands, button
 * input, REST fields) made safe to store and to copy into a ticket: terminal
 * escape sequences and control characters are removed, newlines and tabs are
 * kept (CRLF becomes LF), and a lone UTF-16 surrogate, which PostgreSQL cannot
 * store, becomes U+FFFD. NUL bytes never survive.
 */

// ANSI/VT sequences are removed whole, so "\x1b[31mred" leaves "red", not "[31mred".
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
const OTHER_ESCAPE = /\x1b[@-Z\\-_]?/g;
const C1_CSI = /\u009b[0-?]*[ -/]*[@-~]/g;
// C0 controls except tab (09) and newline (0A), DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether the text needs cleaning at all (the common case is no). */
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/;

export function cleanIncomingText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CSI, "")
    .replace(OSC, "")
    .replace(OTHER_ESCAPE, "")
    .replace(C1_CSI, "")
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "\ufffd");
}

/** The same for an optional field. */
export function cleanOptionalText<T extends string | null | undefined>(text: T): T {
  return (typeof text === "string" ? cleanIncomingText(text) : text) as T;
}
