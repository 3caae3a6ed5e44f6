import type { Command } from "commander";
import type { CliIo } from "../io.ts";
import { registerClassify } from "./classify.ts";
import { registerGenerate } from "./generate.ts";
import { registerPsa } from "./psa.ts";
import { registerPurge } from "./purge.ts";
import { registerRedactExisting } from "./redact-existing.ts";
import { registerServe } from "./serve.ts";
import { registerStart } from "./start.ts";
import { registerStats } from "./stats.ts";
import { registerToken } from "./token.ts";

/**
 * Every CLI command, declared in one place. Each registers its options and
 * imports its handler only when it runs.
 */
export const CLI_COMMANDS: Array<(program: Command, io: CliIo) => void> = [
  registerStart,
  registerGenerate,
  registerClassify,
  registerStats,
  registerPsa,
  registerServe,
  registerToken,
  registerRedactExisting,
  registerPurge,
];
