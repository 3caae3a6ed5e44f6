/**
 * What one typed console line means. Only FlowPilot's own commands are
 * commands (`/flowpilot …`, `/flowpilot-update …`, `/quit`); a bare number
 * picks a choice; every other line, `#2 …` and `/foo …` included, is a
 * session message, so nothing typed is ever dropped.
 */
export type ConsoleInput =
  | { kind: "empty" }
  | { kind: "quit" }
  | { kind: "command"; command: "flowpilot" | "flowpilot-update"; text: string }
  | { kind: "choice"; n: number }
  /** `unknownCommand`: the line looked like a slash command FlowPilot does not have (it is still a message). */
  | { kind: "message"; text: string; unknownCommand?: string };

export function parseConsoleLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text) return { kind: "empty" };
  if (/^\/(?:quit|exit)$/i.test(text)) return { kind: "quit" };
  const update = /^\/flowpilot-update(?:\s+([\s\S]*))?$/i.exec(text);
  if (update) return { kind: "command", command: "flowpilot-update", text: update[1] ?? "" };
  const command = /^\/flowpilot(?:\s+([\s\S]*))?$/i.exec(text);
  if (command) return { kind: "command", command: "flowpilot", text: command[1] ?? "" };
  if (/^\d{1,2}$/.test(text)) return { kind: "choice", n: Number(text) };
  const slash = /^\/([a-z][\w-]*)(?=\s|$)/i.exec(text);
  return slash ? { kind: "message", text, unknownCommand: `/${slash[1]}` } : { kind: "message", text };
}
