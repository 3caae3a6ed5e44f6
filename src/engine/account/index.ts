/** The session account: one reading of what happened, with its sources (see session-account.ts). */
export type { StatementAct, WaitParty } from "./acts.ts";
export {
  type AccountItem,
  type Action,
  buildSessionAccount,
  type Hypothesis,
  messageId,
  readSessionAccount,
  readSessionWithAccount,
  type SessionAccount,
  type Wait,
} from "./session-account.ts";
