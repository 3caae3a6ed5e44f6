import type { Command } from "commander";
import { startServer } from "../../app/start-server.ts";
import { loadCliConfig } from "../cli-config.ts";
import { UsageError } from "../usage-error.ts";

/** `flowpilot serve`: the REST API on FLOWPILOT_HTTP_HOST:FLOWPILOT_HTTP_PORT until SIGINT/SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the REST API (see /openapi.json)")
    .action(async () => {
      const config = loadCliConfig();
      const server = await startServer(config).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "EADDRINUSE" || err.code === "EACCES")
          throw new UsageError(
            `cannot listen on ${config.http.host}:${config.http.port} (${err.code}); set FLOWPILOT_HTTP_PORT`,
          );
        throw err;
      });
      process.stdout.write(
        `FlowPilot API listening on ${server.url} (OpenAPI: ${server.url}/openapi.json)\n`,
      );
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await server.stop();
      process.stdout.write(`Stopped (${signal}).\n`);
    });
}
