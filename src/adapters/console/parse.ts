/**
 * What one typed console line means: a slash command, a numbered choice,
 * a console control word, or an ordinary session message.
 */
export type ConsoleInput =
  | { kind: "empty" }
  | { kind: "quit" }
  | { kind: "command"; command: "flowpilot" | "flowpilot-update"; text: string }
  | { kind: "choice"; n: number }
  | { kind: "message"; text: string };

export function parseConsoleLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text || text.startsWith("#")) return { kind: "empty" };
  if (/^\/(?:quit|exit)$/i.test(text)) return { kind: "quit" };
  const update = /^\/flowpilot-update\b\s*(.*)$/is.exec(text);
  if (update) return { kind: "command", command: "flowpilot-update", text: update[1] ?? "" };
  const command = /^\/(?:flowpilot|fp)\b\s*(.*)$/is.exec(text);
  if (command) return { kind: "command", command: "flowpilot", text: command[1] ?? "" };
  if (/^\d{1,2}$/.test(text)) return { kind: "choice", n: Number(text) };
  return { kind: "message", text };
}
