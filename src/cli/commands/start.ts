import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot start`: runs the bot. With no platform credentials, the local console. */
export function registerStart(program: Command, io: CliIo): void {
  program
    .command("start")
    .description("run FlowPilot (the local console when no chat platform is configured)")
    .action(async () => (await import("../handlers/start.ts")).start(io));
}
