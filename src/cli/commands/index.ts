import type { Command } from "commander";
import { registerClassify } from "./classify.ts";
import { registerGenerate } from "./generate.ts";
import { registerPsa } from "./psa.ts";
import { registerServe } from "./serve.ts";
import { registerStart } from "./start.ts";
import { registerStats } from "./stats.ts";
import { registerToken } from "./token.ts";

/** Every CLI command, declared in one place. Each registers its own options. */
export const CLI_COMMANDS: Array<(program: Command) => void> = [
  registerStart,
  registerGenerate,
  registerClassify,
  registerStats,
  registerPsa,
  registerServe,
  registerToken,
];
