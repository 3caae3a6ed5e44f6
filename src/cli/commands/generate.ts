import { type Command, Option } from "commander";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../engine/types.ts";
import type { CliIo } from "../io.ts";

/** `flowpilot generate --transcript FILE --audience ... --length ...`: one update from a transcript file. */
export function registerGenerate(program: Command, io: CliIo): void {
  program
    .command("generate")
    .description("write a status update from a session transcript (JSON)")
    .requiredOption("--transcript <file>", "session transcript (see README: transcript format; examples/)")
    .addOption(
      new Option("--audience <audience>", "who the update is for").choices(AUDIENCES).makeOptionMandatory(),
    )
    .addOption(
      new Option("--length <length>", "quick or detailed (default: the team template's)").choices(LENGTHS),
    )
    .addOption(
      new Option(
        "--context <context>",
        "update, resolution or escalation (default: from the session status)",
      ).choices(UPDATE_CONTEXTS),
    )
    .option("--templates <json>", 'team communication templates as JSON, e.g. \'{"client_tone":"friendly"}\'')
    .option("--json", "print the API response body instead of the text")
    .action(async (flags) => (await import("../handlers/generate.ts")).generate(io, flags));
}
