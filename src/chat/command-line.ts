/**
 * Splits a command's text into words, keeping "quoted phrases" together and
 * pulling out `--flag value` options: `start TKT-1 "Email down" --client "Acme Ltd"`.
 */
export interface ParsedCommandLine {
  name: string;
  args: string[];
  /** The text after the command name, as typed (for free-text arguments). */
  rest: string;
  flags: Record<string, string>;
}

const TOKEN = /(--[a-z][a-z-]*=)?(?:"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+))/gi;

export function parseCommandLine(text: string): ParsedCommandLine {
  const trimmed = text.trim().replace(/^\/?flowpilot\s*/i, "");
  const nameMatch = /^(\S+)\s*/.exec(trimmed);
  const name = (nameMatch?.[1] ?? "").toLowerCase();
  const rest = nameMatch ? trimmed.slice(nameMatch[0].length) : "";
  const args: string[] = [];
  const flags: Record<string, string> = {};
  const tokens = [...rest.matchAll(TOKEN)].map((m) => (m[1] ?? "") + (m[2] ?? m[3] ?? m[4] ?? m[5] ?? ""));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = /^--([a-z][a-z-]*)(?:=(.*))?$/i.exec(token);
    if (flag) {
      const key = flag[1]!.toLowerCase();
      if (flag[2] !== undefined) flags[key] = flag[2];
      else {
        // A flag's value runs until the next flag, so `--client Acme Medical` works unquoted.
        const words: string[] = [];
        while (i + 1 < tokens.length && !tokens[i + 1]!.startsWith("--")) words.push(tokens[++i]!);
        flags[key] = words.join(" ");
      }
    } else {
      args.push(token);
    }
  }
  return { name, args, rest: rest.replace(/\s+--[a-z][\s\S]*$/i, "").trim(), flags };
}
