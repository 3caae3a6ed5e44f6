/**
 * Who is asking: the account (workspace, tenant, API tenant) and the
 * engineer, created on first sight; an engineer's name and the PSA member
 * their notes are written as.
 */
import type { TicketPort } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { AccountStore } from "./ports/index.ts";
import type { AccountInfo, AccountRef, ActorRef, UserInfo } from "./types.ts";

/** The account, as stored (created on first sight). */
export function enterAccount(deps: { store: AccountStore }, ref: AccountRef): Promise<AccountInfo> {
  return deps.store.ensureAccount(ref);
}

/** The account and the engineer an event comes from, both created on first sight. */
export async function identify(
  deps: { store: AccountStore },
  ref: AccountRef,
  actor: ActorRef & { displayName: string },
): Promise<{ account: AccountInfo; user: UserInfo }> {
  const account = await enterAccount(deps, ref);
  return { account, user: await deps.store.ensureUser(account.id, actor) };
}

/** An engineer named by a REST caller (its own id and name), created on first sight; never an admin. */
export function enterEngineer(
  deps: { store: AccountStore },
  accountId: string,
  engineer: { id: string; name: string },
): Promise<UserInfo> {
  return deps.store.ensureUser(accountId, {
    platformUserId: engineer.id,
    displayName: engineer.name,
    isAdmin: false,
  });
}

/** The engineer's new name, for them and their open sessions' next updates; says how many open sessions took it. */
export function renameEngineer(deps: { store: AccountStore }, user: UserInfo, name: string) {
  return deps.store.renameUser(user.id, name);
}

/** The engineer's notes are written as the PSA's API member again. */
export function clearPsaMember(deps: { store: AccountStore }, user: UserInfo): Promise<void> {
  return deps.store.setPsaMember(user.id, null);
}

/**
 * Maps the engineer to the PSA member with this identifier or e-mail, as the
 * PSA knows them: the notes they post are then written as that member.
 */
export async function mapPsaMember(
  deps: { store: AccountStore; tickets?: TicketPort },
  account: AccountInfo,
  user: UserInfo,
  query: string,
): Promise<{ identifier: string; name: string }> {
  const tickets = deps.tickets;
  if (!tickets || !(await tickets.isConnected(account.id)))
    throw new FlowPilotError(
      "psa_not_connected",
      "No PSA is connected for this workspace, so there is no member to map.",
    );
  const member = await tickets.findMember(account.id, query);
  if (!member)
    throw new FlowPilotError("not_found", `No PSA member has the identifier or e-mail "${query}".`);
  await deps.store.setPsaMember(user.id, member.identifier);
  return member;
}
