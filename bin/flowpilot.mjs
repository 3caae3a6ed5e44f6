#!/usr/bin/env node
// FlowPilot CLI entry: runs the TypeScript sources through tsx, so there is no
// build step to remember after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
