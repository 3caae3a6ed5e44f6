import type { Readable, Writable } from "node:stream";
import { launcherExited } from "./launcher-watch.ts";

/**
 * Everything a CLI command touches, injected: the same command runs in a
 * terminal (processIo) and in-process under test (streams and an env map).
 */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /**
   * Resolves with the signal name once the process is asked to stop
   * (SIGINT/SIGTERM). Only long-running commands call it, so a short command
   * keeps the default Ctrl-C behaviour.
   */
  untilStopped(): Promise<string>;
}

/** The real process: its streams, environment and stop signals. */
export function processIo(): CliIo {
  let stopped: Promise<string> | undefined;
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    untilStopped() {
      stopped ??= new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          process.off("SIGHUP", stop);
          resolve(signal);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
        process.on("SIGHUP", stop);
        // Launched by npm (npx, npm start): npm ending is our stop signal too.
        launcherExited().then(stop);
      });
      return stopped;
    },
  };
}

/** Writes one line (adds the newline when missing). */
export function writeLine(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
