import { StartupCheckError } from "../../adapters/startup-check.ts";
import { SHUTDOWN_GRACE_MS, StartupInterrupted } from "../../app/shutdown.ts";
import { startServer } from "../../app/start-server.ts";
import { loadCliConfig } from "../cli-config.ts";
import type { CliIo } from "../io.ts";
import { UnavailableError } from "../unavailable-error.ts";
import { UsageError } from "../usage-error.ts";

/**
 * Runs the HTTP server (REST API, and Slack/Teams when configured) until the
 * process is asked to stop, then closes it and the database. A stop signal
 * during start-up (a Socket Mode connection still being made) stops it too.
 */
export async function serve(io: CliIo): Promise<void> {
  const config = loadCliConfig(io.env);
  const stopped = io.untilStopped();
  const interrupt = new AbortController();
  void stopped.then(() => interrupt.abort());
  const server = await startServer(config, { logStream: io.stderr, signal: interrupt.signal }).catch(
    async (err: NodeJS.ErrnoException) => {
      if (err instanceof StartupInterrupted) return null;
      if (err.code === "EADDRINUSE" || err.code === "EACCES")
        throw new UsageError(
          `cannot listen on ${config.http.host}:${config.http.port} (${err.code}); set FLOWPILOT_HTTP_PORT`,
        );
      if (err instanceof StartupCheckError)
        throw err.kind === "refused" ? new UsageError(err.message) : new UnavailableError(err.message);
      throw err;
    },
  );
  if (!server) {
    io.stdout.write(`Stopped (${await stopped}) before start-up finished.\n`);
    return;
  }
  io.stdout.write(`FlowPilot API listening on ${server.url} (OpenAPI: ${server.url}/openapi.json)\n`);
  for (const platform of server.platforms) io.stdout.write(`Serving ${platform}\n`);
  const signal = await stopped;
  io.stdout.write(
    `Stopping (${signal}): finishing work in progress, at most ${SHUTDOWN_GRACE_MS / 1000} s.\n`,
  );
  const outcome = await server.stop();
  const abandoned = outcome.abandonedWork + outcome.cutRequests;
  io.stdout.write(
    abandoned > 0
      ? `Stopped (${signal}); ${abandoned} unfinished piece(s) of work abandoned.\n`
      : `Stopped (${signal}).\n`,
  );
}
