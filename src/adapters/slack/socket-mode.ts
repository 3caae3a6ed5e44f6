import { setTimeout as sleep } from "node:timers/promises";
import type { App, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../domain/index.ts";
import type { StartupCheckError } from "../startup-check.ts";

/** How long start-up waits for the first Socket Mode connection; after that it goes on and the client keeps trying. */
export const SOCKET_CONNECT_WAIT_MS = 10_000;
/**
 * How long a closing connection may take to answer our close frame. The
 * client itself would wait 30 s for a peer that never answers, holding the
 * process open that long.
 */
const SOCKET_CLOSE_WAIT_MS = 2_000;
/** Longest wait between our own reconnection attempts (after the client's own gave up). */
const RECONNECT_RETRY_MAX_MS = 60_000;

/**
 * Starting and stopping Bolt's Socket Mode receiver within bounds. Its client
 * resolves start() only once connected and otherwise retries for ever, and
 * its stop() does not wait for the socket to close; here start-up waits a
 * bounded time, stop() closes the socket (or cuts it) before resolving, and
 * a connection that completes after stop() (an apps.connections.open already
 * on its way) is closed as soon as it opens.
 */
export function socketModeLifecycle(
  app: App,
  receiver: SocketModeReceiver,
  deps: { logger: Logger; describe: (err: unknown) => StartupCheckError },
) {
  const { client } = receiver;
  const { logger } = deps;
  let stopping = false;
  client.on("connected", () => {
    if (stopping) void client.disconnect();
  });
  // A reconnection the client starts by itself after a drop rejects when Slack cannot be reached
  // or answers an error; nothing awaits it, so it would end the process as an unhandled rejection,
  // and the client would not try again. Here it is logged and tried again later, until stop().
  // The first start() is left alone: start-up awaits it.
  const start = client.start.bind(client);
  let started = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  const startAgain = async (): Promise<unknown> => {
    try {
      const connected = await start();
      failures = 0;
      return connected;
    } catch (err) {
      if (stopping) return undefined;
      failures += 1;
      const delayMs = Math.min(RECONNECT_RETRY_MAX_MS, 1_000 * 2 ** (failures - 1));
      logger.error(
        { platform: "slack", err: deps.describe(err).message, retryInMs: delayMs },
        "slack: Socket Mode could not reconnect",
      );
      retry = setTimeout(() => {
        retry = undefined;
        if (!stopping) void client.start();
      }, delayMs);
      return undefined;
    }
  };
  client.start = (() => {
    if (started) return startAgain();
    started = true;
    return start();
  }) as typeof client.start;

  return {
    async start(): Promise<void> {
      const connecting = app.start().then(() => "connected" as const);
      const waited = sleep(SOCKET_CONNECT_WAIT_MS, "waiting" as const, { ref: false });
      let outcome: "connected" | "waiting";
      try {
        outcome = await Promise.race([connecting, waited]);
      } catch (err) {
        if (stopping) return;
        throw deps.describe(err);
      }
      if (outcome === "connected") return;
      logger.warn({ platform: "slack" }, "slack: Socket Mode not connected yet; still trying");
      connecting.catch((err: unknown) => {
        if (!stopping)
          logger.error(
            { platform: "slack", err: deps.describe(err).message },
            "slack: Socket Mode could not connect",
          );
      });
    },
    async stop(): Promise<void> {
      stopping = true;
      clearTimeout(retry);
      const closed = client.disconnect();
      const inTime = await Promise.race([
        closed.then(() => true),
        sleep(SOCKET_CLOSE_WAIT_MS, false, { ref: false }),
      ]);
      // A second disconnect of a socket whose close frame went unanswered cuts it at once.
      if (!inTime) client.websocket?.disconnect();
    },
  };
}
