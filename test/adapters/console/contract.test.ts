import { PassThrough } from "node:stream";
import { CONSOLE_THREAD, createConsoleAdapter } from "../../../src/adapters/console/index.ts";
import { chatSurfaceContract } from "../contract.ts";

chatSurfaceContract("the console adapter", async () => {
  const output = new PassThrough();
  let transcript = "";
  output.on("data", (chunk: Buffer) => {
    transcript += chunk.toString("utf8");
  });
  const adapter = createConsoleAdapter({
    input: new PassThrough(),
    output,
    echoInput: false,
    prompt: false,
    engineer: { id: "console:contract", displayName: "Sam Okafor" },
  });
  return {
    surface: adapter.surface,
    thread: CONSOLE_THREAD,
    knownUser: { platformUserId: "console:contract", displayName: "Sam Okafor" },
    shown: () => transcript,
    // One screen: "only you" is the label in front of the message.
    shownOnlyTo: (text) => new RegExp(`\\(only you can see this\\)\\n[^\\n]*${text}`).test(transcript),
    cleanup: async () => undefined,
  };
});
