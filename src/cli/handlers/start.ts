import { startConsole } from "../../app/start-console.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { serve } from "./serve.ts";

/**
 * Runs the bot: every chat platform whose settings are present (Slack,
 * Teams, or both) on the one HTTP server with the REST API; the local
 * console when none are.
 */
export async function start(io: CliIo): Promise<void> {
  const config = loadCliConfig(io.env);
  if (config.slack || config.teams) return serve(io);
  await startConsole(config, {
    input: io.stdin,
    output: io.stdout,
    interactive: Boolean(io.stdin.isTTY),
    untilStopped: io.untilStopped,
    logStream: io.stderr,
  });
}
