import dns from "node:dns";
import net from "node:net";
import { afterAll, beforeAll } from "vitest";

/**
 * While a test file (Slack, Teams) runs, a connection or name lookup for any host but
 * this machine fails the call that made it, so a test that could reach
 * login.microsoftonline.com or api.botframework.com cannot pass quietly. On
 * for the file only (test files share a worker).
 */
const LOCAL = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"]);

function refuse(host: string): Error {
  return new Error(`Tests may only reach 127.0.0.1; something tried ${host}`);
}

export function loopbackOnly(): void {
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const promisesLookup = dns.promises.lookup;
  beforeAll(() => {
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      const first = args[0];
      const options = Array.isArray(first) ? first[0] : first;
      const host =
        typeof options === "object" && options !== null
          ? (options as { host?: string; path?: string }).path
            ? undefined
            : ((options as { host?: string }).host ?? "localhost")
          : typeof args[1] === "string"
            ? args[1]
            : typeof first === "number"
              ? "localhost"
              : undefined;
      if (host !== undefined && !LOCAL.has(host)) throw refuse(host);
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    dns.lookup = ((hostname: string, ...rest: unknown[]) => {
      if (!LOCAL.has(hostname)) {
        const callback = rest.at(-1) as (err: Error) => void;
        process.nextTick(() => callback(refuse(hostname)));
        return {} as never;
      }
      return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
    }) as typeof dns.lookup;
    dns.promises.lookup = ((hostname: string, ...rest: unknown[]) =>
      LOCAL.has(hostname)
        ? (promisesLookup as (...a: unknown[]) => unknown)(hostname, ...rest)
        : Promise.reject(refuse(hostname))) as typeof dns.promises.lookup;
  });
  afterAll(() => {
    net.Socket.prototype.connect = connect;
    dns.lookup = lookup;
    dns.promises.lookup = promisesLookup;
  });
}
