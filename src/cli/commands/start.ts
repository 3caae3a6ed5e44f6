import type { Command } from "commander";
import { startConsole } from "../../app/start-console.ts";
import { loadCliConfig } from "../cli-config.ts";

/** `flowpilot start`: runs the bot. With no platform credentials, the local console. */
export function registerStart(program: Command): void {
  program
    .command("start", { isDefault: false })
    .description("run FlowPilot (the local console when no chat platform is configured)")
    .action(async () => {
      const config = loadCliConfig();
      await startConsole(config, {
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
      });
    });
}
