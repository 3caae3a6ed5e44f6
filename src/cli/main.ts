import { Command, CommanderError } from "commander";
import { isFlowPilotError } from "../errors.ts";
import { CLI_COMMANDS } from "./commands/index.ts";
import type { CliIo } from "./io.ts";
import { UnavailableError } from "./unavailable-error.ts";
import { USAGE_EXIT_CODE, UsageError } from "./usage-error.ts";

/** Exit code of a refusal that is not the caller's input: a busy database, a PSA or model outage. */
export const REFUSED_EXIT_CODE = 1;
const INPUT_ERROR_CODES = new Set(["invalid_input", "not_found", "forbidden", "config_invalid"]);

/**
 * Builds the `flowpilot` program for one run. Commands are declared in
 * src/cli/commands and load their work lazily, so `--help` or `classify`
 * never pays for the database, the HTTP server or the model client.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command("flowpilot")
    .description("FlowPilot: status updates for MSP troubleshooting sessions")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of CLI_COMMANDS) register(program, io);
  return program;
}

/** Runs the CLI on `args` (without node and the script path); resolves with the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (args.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...args], { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; commander already printed its message.
      return err.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`flowpilot: ${err.message}\n`);
      return USAGE_EXIT_CODE;
    }
    if (err instanceof UnavailableError) {
      io.stderr.write(`flowpilot: ${err.message}\n`);
      return REFUSED_EXIT_CODE;
    }
    if (isFlowPilotError(err)) {
      io.stderr.write(`flowpilot: ${err.userMessage}\n`);
      return INPUT_ERROR_CODES.has(err.code) ? USAGE_EXIT_CODE : REFUSED_EXIT_CODE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`flowpilot: unexpected error: ${message}\n`);
    return 1;
  }
}
