import type { Command } from "commander";
import type { CliIo } from "../io.ts";

/** `flowpilot serve`: the REST API on FLOWPILOT_HTTP_HOST:FLOWPILOT_HTTP_PORT until SIGINT/SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description("run the REST API (see /openapi.json)")
    .action(async () => (await import("../handlers/serve.ts")).serve(io));
}
