import { createServer } from "node:net";

/**
 * A port on 127.0.0.1 nothing listens on (it was free a moment ago): for a
 * server to listen on, or for an endpoint that refuses connections.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
