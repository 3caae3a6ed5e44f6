import { type Config, loadConfig } from "../app/config.ts";
import { ConfigError } from "../config.ts";
import { UsageError } from "./usage-error.ts";

/** The validated configuration; a bad setting becomes the CLI's one-line exit-2 error. */
export function loadCliConfig(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}
