#!/usr/bin/env node
// FlowPilot CLI entry: runs the compiled JavaScript in dist/ (rebuilt first
// when a source file changed, so there is nothing to remember while developing).
import { pathToFileURL } from "node:url";
import { DIST_MAIN, ensureBuilt } from "./ensure-built.mjs";

/**
 * Once a command has ended, only work it abandoned at shutdown (an update
 * still waiting on a model, past the grace) may still hold a socket open; it
 * must not keep the process alive. Anything else still open is a bug, said
 * on stderr.
 */
const EXIT_WAIT_MS = 200;

if (!ensureBuilt()) {
  process.stderr.write("flowpilot: no runnable build in dist/; run npm ci (or npm run build)\n");
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(DIST_MAIN).href);
const { processIo } = await import(new URL("../dist/cli/io.js", import.meta.url).href);
const io = processIo();
const code = await runCli(process.argv.slice(2), io);
io.release();
process.exitCode = code;
setTimeout(() => {
  const open = process.getActiveResourcesInfo();
  process.stderr.write(
    `flowpilot: exiting with ${open.length} handle(s) still open (${[...new Set(open)].join(", ")})\n`,
  );
  process.exit(code);
}, EXIT_WAIT_MS).unref();
