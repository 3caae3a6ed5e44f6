import type { Readable, Writable } from "node:stream";

export interface ConsoleAdapterOptions {
  input: Readable;
  output: Writable;
  /** Echo each input line (scripted runs), so a transcript of the run reads like a conversation. */
  echoInput: boolean;
  /** Show a prompt before each line (interactive terminals). */
  prompt: boolean;
  /**
   * The engineer at the keyboard. Without a display name an interactive
   * console asks for it once; the conversation core stores it with the user.
   */
  engineer: {
    id: string;
    displayName?: string;
    /** The name is FLOWPILOT_ENGINEER_NAME's: a name chosen with /flowpilot name lasts until the next start. */
    nameFromEnvironment?: boolean;
  };
}

/** One numbered choice the console offers, from the newest message that still has buttons. */
export interface ConsoleChoice {
  n: number;
  actionId: string;
  payload: string;
  label: string;
  disabledReason?: string;
  needsInput?: { prompt: string };
}
