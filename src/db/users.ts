import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { isForeignKeyViolation, retryOnUniqueViolation } from "./prisma-errors.ts";
import { isUuid, type StoredUser, toStoredUser } from "./records.ts";

/** Users: the engineers of an account, keyed by their platform user id. */

export interface UserInput {
  accountId: string;
  /** Slack user id, Teams AAD object id, API caller id. */
  platformUserId: string;
  displayName: string;
  /** ConnectWise member identifier; left unchanged when omitted. */
  psaMemberId?: string;
  /** Left unchanged when omitted (false for a new user). */
  isAdmin?: boolean;
}

/** Creates the user or refreshes their name (and PSA member id / admin flag when given). */
export async function upsertUser(prisma: PrismaClient, input: UserInput): Promise<StoredUser> {
  if (!isUuid(input.accountId)) throw new FlowPilotError("not_found", "That account does not exist.");
  if (!input.platformUserId.trim())
    throw new FlowPilotError("invalid_input", "A user needs a platform user id.");
  // An empty name stays empty: sign-offs then say "Your support team", never an account id.
  const displayName = input.displayName.trim();
  return retryOnUniqueViolation(async () =>
    toStoredUser(
      await prisma.user.upsert({
        where: {
          accountId_platformUserId: { accountId: input.accountId, platformUserId: input.platformUserId },
        },
        create: {
          accountId: input.accountId,
          platformUserId: input.platformUserId,
          displayName,
          psaMemberId: input.psaMemberId,
          isAdmin: input.isAdmin ?? false,
        },
        update: {
          displayName,
          ...(input.psaMemberId !== undefined ? { psaMemberId: input.psaMemberId } : {}),
          ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
        },
      }),
    ),
  ).catch((err: unknown) => {
    throw isForeignKeyViolation(err)
      ? new FlowPilotError("not_found", "That account does not exist.", { cause: err })
      : err;
  });
}

/** Sets or clears the PSA member identifier an engineer's notes are posted as. */
export async function setPsaMember(prisma: PrismaClient, userId: string, memberIdentifier: string | null) {
  if (!isUuid(userId)) throw new FlowPilotError("not_found", "That user does not exist.");
  await prisma.user.update({ where: { id: userId }, data: { psaMemberId: memberIdentifier } });
}

/**
 * The engineer chose another name: stored with the user, and with their open
 * sessions, whose next updates sign with it (closed sessions keep the name
 * their drafts were written with). Returns how many open sessions took it.
 */
export async function renameUser(prisma: PrismaClient, userId: string, displayName: string): Promise<number> {
  if (!isUuid(userId)) throw new FlowPilotError("not_found", "That user does not exist.");
  const name = displayName.trim();
  if (!name) throw new FlowPilotError("invalid_input", "A new name cannot be empty.");
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { displayName: name } });
    const renamed = await tx.session.updateMany({
      where: { engineerId: userId, status: { in: ["active", "paused"] } },
      data: { engineerName: name },
    });
    return renamed.count;
  });
}

/** A user's stored display name, or undefined when the user is unknown or gave none. */
export async function findUserName(
  prisma: PrismaClient,
  accountId: string,
  platformUserId: string,
): Promise<string | undefined> {
  if (!isUuid(accountId)) return undefined;
  const row = await prisma.user.findUnique({
    where: { accountId_platformUserId: { accountId, platformUserId } },
    select: { displayName: true },
  });
  return row?.displayName.trim() || undefined;
}
