import { chmodSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { join, resolve } from "node:path";
import { FlowPilotError, isFlowPilotError } from "../errors.ts";
import { type DatabaseJobContext, isDatabaseJobName, runDatabaseJobOn } from "./database-jobs.ts";

/**
 * Embedded PGlite is single-process, so while the bot or the API holds the
 * data folder, `flowpilot stats` or `token revoke` cannot open it. The holder
 * listens on a Unix socket in the data folder (mode 0600: only its user) and
 * runs those short jobs for the CLI. One JSON request line, one JSON answer line.
 */
const SOCKET_FILE = "flowpilot.sock";
/** Unix socket paths are limited to 108 bytes on Linux (104 on macOS). */
const MAX_SOCKET_PATH = 100;
const MAX_REQUEST_BYTES = 64 * 1024;
const ANSWER_TIMEOUT_MS = 30_000;

type Answer = { ok: true; stdout: string } | { ok: false; code: string; message: string };

/** The socket path for a data folder, or null when the path is too long for a Unix socket. */
export function ownerSocketPath(dataDir: string): string | null {
  const path = join(resolve(dataDir), SOCKET_FILE);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : null;
}

export interface OwnerChannel {
  close(): Promise<void>;
}

interface ChannelLogger {
  error(obj: object, msg?: string): void;
}

/** Serves database jobs to CLI processes; call only while holding the data folder's lock. */
export async function serveDatabaseJobs(
  dataDir: string,
  ctx: DatabaseJobContext,
  logger?: ChannelLogger,
): Promise<OwnerChannel | null> {
  const path = ownerSocketPath(dataDir);
  if (!path) return null;
  // We hold the lock, so a socket file here is left over from a process that died.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let request = "";
    socket.setEncoding("utf8");
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk: string) => {
      request += chunk;
      if (request.length > MAX_REQUEST_BYTES) {
        socket.end(`${JSON.stringify({ ok: false, code: "invalid_input", message: "request too large" })}\n`);
        return;
      }
      const newline = request.indexOf("\n");
      if (newline === -1) return;
      socket.pause();
      answer(request.slice(0, newline), ctx, logger).then((a) => socket.end(`${JSON.stringify(a)}\n`));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(path, () => {
      server.off("error", fail);
      done();
    });
  });
  chmodSync(path, 0o600);
  return { close: () => closeServer(server, path) };
}

async function answer(line: string, ctx: DatabaseJobContext, logger?: ChannelLogger): Promise<Answer> {
  let request: { job?: unknown; args?: unknown };
  try {
    request = JSON.parse(line);
  } catch {
    return { ok: false, code: "invalid_input", message: "request is not JSON" };
  }
  if (!isDatabaseJobName(request.job))
    return { ok: false, code: "invalid_input", message: `unknown job ${String(request.job)}` };
  try {
    return { ok: true, stdout: await runDatabaseJobOn(ctx, request.job, request.args) };
  } catch (err) {
    if (isFlowPilotError(err)) return { ok: false, code: err.code, message: err.userMessage };
    logger?.error({ err: { message: (err as Error).message }, job: request.job }, "database job failed");
    return { ok: false, code: "internal", message: "the running FlowPilot could not do that; see its log" };
  }
}

function closeServer(server: Server, path: string): Promise<void> {
  return new Promise((done) => {
    server.close(() => {
      rmSync(path, { force: true });
      done();
    });
  });
}

/**
 * Asks the process holding the data folder to run a job. Resolves with its
 * output, or null when nothing answers on the socket (an older or stuck
 * process): then the caller reports the lock.
 */
export function askDatabaseOwner(dataDir: string, job: string, args: unknown): Promise<string | null> {
  const path = ownerSocketPath(dataDir);
  if (!path) return Promise.resolve(null);
  return new Promise((done, fail) => {
    const socket = connect(path);
    let reply = "";
    let connected = false;
    socket.setEncoding("utf8");
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => {
      socket.destroy();
      fail(new FlowPilotError("conflict", "The running FlowPilot did not answer within 30 s."));
    });
    socket.on("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify({ job, args })}\n`);
    });
    socket.on("data", (chunk: string) => {
      reply += chunk;
    });
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (!connected) done(null);
      else
        fail(
          new FlowPilotError(
            "conflict",
            `The running FlowPilot stopped answering (${err.code ?? err.message}).`,
          ),
        );
    });
    socket.on("end", () => {
      let parsed: Answer;
      try {
        parsed = JSON.parse(reply);
      } catch {
        fail(new FlowPilotError("conflict", "The running FlowPilot sent an answer that could not be read."));
        return;
      }
      if (parsed.ok) done(parsed.stdout);
      else
        fail(
          new FlowPilotError(
            parsed.code === "internal" ? "conflict" : (parsed.code as never),
            parsed.message,
          ),
        );
    });
  });
}
