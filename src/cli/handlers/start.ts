import { startConsole } from "../../app/start-console.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";

/** Runs the bot: the local console when no chat platform is configured. */
export async function start(io: CliIo): Promise<void> {
  const config = loadCliConfig(io.env);
  await startConsole(config, {
    input: io.stdin,
    output: io.stdout,
    interactive: Boolean(io.stdin.isTTY),
    untilStopped: io.untilStopped,
    logStream: io.stderr,
  });
}
