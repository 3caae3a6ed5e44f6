import type { PlatformKind } from "../domain/index.ts";
import { parseTemplates } from "../engine/templates.ts";
import type { Platform, Prisma } from "../generated/prisma/client.ts";
import type { AccountInfo, SessionInfo, UserInfo } from "../sessions/types.ts";

/**
 * The plain objects the repositories return: the engine's shapes plus the
 * stored fields it may want. Prisma types stay inside src/db.
 */

/** The database's platform enum (prisma/schema.prisma) is the domain's platform list: neither may have one the other lacks. */
type SamePlatforms = [Platform] extends [PlatformKind]
  ? [PlatformKind] extends [Platform]
    ? true
    : never
  : never;
export const PLATFORM_ENUM_MATCHES: SamePlatforms = true;

export interface StoredAccount extends AccountInfo {
  platform: PlatformKind;
  externalId: string;
  name: string;
}

export interface StoredUser extends UserInfo {
  accountId: string;
  platformUserId: string;
  psaMemberId: string | null;
}

export interface StoredSession extends SessionInfo {
  engineerId: string | null;
  resolutionSummary: string | null;
  escalationReason: string | null;
  endedAt: Date | null;
}

type AccountRow = Prisma.AccountGetPayload<object>;
type UserRow = Prisma.UserGetPayload<object>;
/** What every session read includes: the account (platform) and the engineer's name. */
export const SESSION_INCLUDE = {
  account: true,
  engineer: { select: { displayName: true } },
} as const satisfies Prisma.SessionInclude;
export type SessionRowWithAccount = Prisma.SessionGetPayload<{ include: typeof SESSION_INCLUDE }>;

/** Stored templates are parsed with defaults; a row written by an older version still reads. */
export function toStoredAccount(row: AccountRow): StoredAccount {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    name: row.name,
    companyName: row.companyName,
    templates: parseTemplates(row.communicationTemplates),
  };
}

export function toStoredUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    accountId: row.accountId,
    platformUserId: row.platformUserId,
    displayName: row.displayName,
    psaMemberId: row.psaMemberId,
    isAdmin: row.isAdmin,
  };
}

export function toStoredSession(row: SessionRowWithAccount): StoredSession {
  return {
    id: row.id,
    accountId: row.accountId,
    engineerId: row.engineerId,
    // The name the session started with; the engineer's current one while none was known then.
    engineerName: row.engineerName || row.engineer?.displayName || null,
    ticketId: row.ticketId,
    ticketSummary: row.ticketSummary,
    clientCompany: row.clientCompany,
    clientContact: row.clientContact,
    status: row.status,
    resolutionSummary: row.resolutionSummary,
    escalationReason: row.escalationReason,
    conversationId: row.conversationId,
    threadId: row.threadId,
    headerMessageId: row.headerMessageId,
    platform: row.account.platform,
    thread: row.conversationId
      ? {
          account: {
            platform: row.account.platform,
            externalId: row.account.externalId,
            name: row.account.name,
          },
          conversationId: row.conversationId,
          threadId: row.threadId ?? undefined,
          routing: (row.routing as Record<string, unknown> | null) ?? undefined,
        }
      : null,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from users and URLs; PostgreSQL rejects a malformed uuid with an error, we answer "not found". */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
