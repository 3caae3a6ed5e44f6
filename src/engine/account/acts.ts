/**
 * What one statement in a troubleshooting thread does: the vocabulary of the
 * statement reader (test/engine/account/statements/GUIDE.md labels data in it).
 */
export const STATEMENT_ACTS = [
  "symptom",
  "finding",
  "hypothesis",
  "cause",
  "ruled_out",
  "action_done",
  "action_planned",
  "action_failed",
  "action_reverted",
  "nothing_done",
  "ask",
  "wait",
  "verification",
  "suggestion",
  "chatter",
  "greeting",
] as const;
export type StatementAct = (typeof STATEMENT_ACTS)[number];

export const CERTAINTIES = ["certain", "likely", "unsure"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const ACTORS = ["engineer", "assistant", "client", "vendor", "colleague", "none"] as const;
export type Actor = (typeof ACTORS)[number];

/** On whom or what a wait hangs: "none" when the statement waits on nobody. */
export const WAIT_PARTIES = ["none", "client", "vendor", "internal", "process"] as const;
export type WaitParty = Exclude<(typeof WAIT_PARTIES)[number], "none">;
