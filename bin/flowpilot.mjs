#!/usr/bin/env node
// FlowPilot CLI entry: runs the compiled JavaScript in dist/ (rebuilt first
// when a source file changed, so there is nothing to remember while developing).
import { pathToFileURL } from "node:url";
import { DIST_MAIN, ensureBuilt } from "./ensure-built.mjs";

if (!ensureBuilt()) {
  process.stderr.write("flowpilot: no runnable build in dist/; run npm ci (or npm run build)\n");
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(DIST_MAIN).href);
const { processIo } = await import(new URL("../dist/cli/io.js", import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2), processIo());
