import { StartupCheckError } from "../../adapters/startup-check.ts";
import { startServer } from "../../app/start-server.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { UnavailableError } from "../unavailable-error.ts";
import { UsageError } from "../usage-error.ts";

/**
 * Runs the HTTP server (REST API, and Slack/Teams when configured) until the
 * process is asked to stop, then closes it and the database.
 */
export async function serve(io: CliIo): Promise<void> {
  const config = loadCliConfig(io.env);
  const stopped = io.untilStopped();
  const server = await startServer(config, { logStream: io.stderr }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE" || err.code === "EACCES")
      throw new UsageError(
        `cannot listen on ${config.http.host}:${config.http.port} (${err.code}); set FLOWPILOT_HTTP_PORT`,
      );
    if (err instanceof StartupCheckError)
      throw err.kind === "refused" ? new UsageError(err.message) : new UnavailableError(err.message);
    throw err;
  });
  io.stdout.write(`FlowPilot API listening on ${server.url} (OpenAPI: ${server.url}/openapi.json)\n`);
  for (const platform of server.platforms) io.stdout.write(`Serving ${platform}\n`);
  const signal = await stopped;
  await server.stop();
  io.stdout.write(`Stopped (${signal}).\n`);
}
