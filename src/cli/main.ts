import { Command, CommanderError } from "commander";
import { CLI_COMMANDS } from "./commands/index.ts";
import { USAGE_EXIT_CODE, UsageError } from "./usage-error.ts";

/** Builds the `flowpilot` program; each command registers itself from src/cli/commands. */
export function buildProgram(): Command {
  const program = new Command("flowpilot")
    .description("FlowPilot: status updates for MSP troubleshooting sessions")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of CLI_COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; commander already printed its message.
      process.exitCode = err.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`flowpilot: ${err.message}\n`);
      process.exitCode = USAGE_EXIT_CODE;
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`flowpilot: unexpected error: ${message}\n`);
    process.exitCode = 1;
  }
}
