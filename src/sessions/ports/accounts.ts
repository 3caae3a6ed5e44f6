import type { AccountInfo, AccountRef, ActorRef, UserInfo } from "../types.ts";

/** Accounts (a workspace, tenant or API tenant) and their engineers. */
export interface AccountStore {
  ensureAccount(ref: AccountRef): Promise<AccountInfo>;
  ensureUser(accountId: string, actor: ActorRef): Promise<UserInfo>;
  /** Maps (or, with null, unmaps) an engineer to the PSA member their notes are posted as. */
  setPsaMember(userId: string, memberIdentifier: string | null): Promise<void>;
  /** The engineer's new name, for them and for their open sessions' next updates; says how many open sessions took it. */
  renameUser(userId: string, displayName: string): Promise<{ openSessions: number }>;
}
