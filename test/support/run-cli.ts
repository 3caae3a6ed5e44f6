import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { onTestFinished } from "vitest";
import { runCli as runCliMain } from "../../src/cli/main.ts";

export const BIN = join(import.meta.dirname, "../../bin/flowpilot.mjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** Treat stdin as a terminal (interactive console, prompts). */
  tty?: boolean;
}

/** The environment a CLI run sees: this process's, without model or database settings unless given. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  delete env.OPENAI_MODEL;
  delete env.DATABASE_URL;
  delete env.FLOWPILOT_ENGINEER_NAME;
  return { ...env, ...extra };
}

/** A CLI run in this process: the real commands over injected streams, stopped by `stop()`. */
export function startCli(args: string[], options: CliRunOptions = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  const done = runCliMain(args, {
    stdin,
    stdout,
    stderr,
    env: cliEnv(options.env),
    untilStopped: () => stopped,
  }).then((code): CliRun => ({ code, stdout: out, stderr: err }));
  if (options.stdin !== undefined) stdin.end(options.stdin);
  return {
    stdin,
    done,
    stop: (signal = "SIGTERM") => stop(signal),
    output: () => ({ stdout: out, stderr: err }),
    /**
     * Types lines at an interactive console as an engineer does, each once the console shows its
     * prompt again ("> " or a question ending in ": "), then ends the input. Lines written at once
     * would be a paste: one message.
     */
    async type(lines: readonly string[], timeoutMs = 60_000): Promise<void> {
      let seen = -1;
      for (const line of lines) {
        const deadline = Date.now() + timeoutMs;
        while (!(out.length > seen && /(?:> |: )$/.test(out))) {
          if (Date.now() > deadline)
            throw new Error(`no prompt for ${JSON.stringify(line)}:\n${out}\n${err}`);
          await new Promise((r) => setTimeout(r, 10));
        }
        seen = out.length;
        stdin.write(`${line}\n`);
      }
      stdin.end();
    },
    /** Resolves with stdout once it matches. */
    async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Runs the CLI in this process to completion (stdin closed after `options.stdin`). */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return startCli(args, { ...options, stdin: options.stdin ?? "" }).done;
}

const children = new Set<ChildProcess>();
const reap = (child: ChildProcess) => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
};
process.once("exit", () => children.forEach(reap));

export interface SpawnOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** A concurrent test's own `onTestFinished` (from its context): the global one cannot tell concurrent tests apart. */
  onTestFinished?: (fn: () => void) => void;
}

/**
 * The compiled CLI as a separate process, for what only a process shows:
 * exit codes, signals, locks between processes. Call it inside a test: the
 * child is killed when the test ends, whether it passed or failed.
 */
export function spawnBin(args: string[], options: SpawnOptions = {}) {
  return spawnCommand(process.execPath, [BIN, ...args], options.env, options.stdin, options.onTestFinished);
}

/** Any command (`npx flowpilot …`) as a child process of the test, reaped like spawnBin's. */
export function spawnCommand(
  command: string,
  args: string[],
  env?: Record<string, string>,
  stdin?: string,
  whenTestFinished: (fn: () => void) => void = onTestFinished,
) {
  const child = spawn(command, args, { env: cliEnv(env), cwd: join(import.meta.dirname, "../..") });
  children.add(child);
  whenTestFinished(() => reap(child));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  if (stdin !== undefined) child.stdin.end(stdin);
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(stdout);
        if (m) return m;
        if (child.exitCode !== null)
          throw new Error(`exited ${child.exitCode} before ${pattern}:\n${stdout}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Runs the compiled CLI in a child process to completion. */
export function runBin(args: string[], options: SpawnOptions = {}) {
  return spawnBin(args, { ...options, stdin: options.stdin ?? "" }).exited;
}
