// `npm run bench`: every benchmark in one run, printing figures and ratios.
import { runAccountBench } from "./account.ts";
import { runApiBench } from "./api.ts";
import { runDbStatementsBench } from "./db-statements.ts";
import { runFullSessionBench } from "./full-session.ts";
import { runGenerationBench } from "./generation.ts";
import { runIntentBench } from "./intents.ts";
import { runLlmPromptBench } from "./llm-prompt.ts";
import { runSecretsBench } from "./secrets.ts";
import { runSlackAckBench } from "./slack-ack.ts";
import { runStartupBench } from "./startup.ts";
import { runTeamsInvokeBench } from "./teams-invoke.ts";

const BENCHES: Array<[string, () => Promise<void>]> = [
  ["update generation", runGenerationBench],
  ["intent recognition", runIntentBench],
  ["account of a session", runAccountBench],
  ["llm prompt", runLlmPromptBench],
  ["secret detection", runSecretsBench],
  ["cli start-up", runStartupBench],
  ["database statements", runDbStatementsBench],
  ["full session", runFullSessionBench],
  ["rest api", runApiBench],
  ["teams invoke", runTeamsInvokeBench],
  ["slack ack", runSlackAckBench],
];

const only = process.argv[2];
for (const [name, run] of BENCHES) {
  // "npm run bench secrets" finds "secret detection": a bench is named by any word it starts with
  if (only && !name.includes(only) && !only.startsWith(name.split(" ")[0]!)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
