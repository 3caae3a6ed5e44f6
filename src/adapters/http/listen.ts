import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** http://host:port, with the port actually bound (port 0 picks a free one). */
  url: string;
  port: number;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
  /** Closes every connection now, answered or not; returns how many requests were still unanswered. */
  cutOpenRequests(): number;
}

/**
 * How long a client may take: a slow-loris sending headers or a body a byte
 * at a time is cut off instead of holding a connection open.
 */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, checkEveryMs: 1_000 };

/** Serves a Hono app with Node's HTTP server; resolves once it is listening. */
export function listen(
  app: Pick<Hono, "fetch">,
  options: { host: string; port: number; timeouts?: ServerTimeouts },
): Promise<RunningServer> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: options.host,
        port: options.port,
        serverOptions: {
          headersTimeout: timeouts.headersMs,
          requestTimeout: timeouts.requestMs,
          connectionsCheckingInterval: timeouts.checkEveryMs,
        },
      },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()));
              if ("closeIdleConnections" in server) server.closeIdleConnections();
            }),
          cutOpenRequests: () => {
            const cut = unanswered;
            if ("closeAllConnections" in server) server.closeAllConnections();
            return cut;
          },
        });
      },
    );
    let unanswered = 0;
    server.on("request", (_req: unknown, res: NodeJS.EventEmitter) => {
      unanswered += 1;
      res.once("close", () => {
        unanswered -= 1;
      });
    });
    server.once("error", reject);
  });
}
