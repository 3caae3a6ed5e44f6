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
  /**
   * Stops listening for stop signals (the command has ended): a signal now
   * has its default effect instead of resolving a promise nobody awaits.
   */
  release?(): void;
}

/** The real process: its streams, environment and stop signals. */
export function processIo(): CliIo {
  let stopped: Promise<string> | undefined;
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  let stop: ((signal: string) => void) | undefined;
  const release = () => {
    if (stop) for (const signal of signals) process.off(signal, stop);
  };
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    untilStopped() {
      stopped ??= new Promise((resolve) => {
        // The first signal asks for a clean stop; a second one has its default effect (ends the process now).
        stop = (signal: string) => {
          release();
          resolve(signal);
        };
        for (const signal of signals) process.on(signal, stop);
        // Launched by npm (npx, npm start): npm ending is our stop signal too.
        launcherExited().then(stop);
      });
      return stopped;
    },
    release,
  };
}

/** Writes one line (adds the newline when missing). */
export function writeLine(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
