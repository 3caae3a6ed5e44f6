import { z } from "zod";
import type { PlatformKind } from "../domain/index.ts";
import { type CommunicationTemplates, parseTemplates } from "../engine/templates.ts";
import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { describeFirstIssue } from "../zod-issue.ts";
import { isRecordNotFound, retryOnUniqueViolation } from "./prisma-errors.ts";
import { isUuid, type StoredAccount, toStoredAccount } from "./records.ts";

/** Accounts: one per Slack workspace, Teams tenant, API tenant or local console. */

export interface AccountKey {
  platform: PlatformKind;
  /** Slack team id, Teams tenant id, API tenant, "local" for the console. */
  externalId: string;
  /** The workspace's display name; refreshed whenever it is given. */
  name?: string;
  /** Only used when the account is created: afterwards it is an admin setting (setCompanyName). */
  companyName?: string;
}

const companyNameSchema = z.string().trim().max(200);

/** Returns the account for a platform workspace, creating it on first contact (safe under concurrent first contacts). */
export async function getOrCreateAccount(prisma: PrismaClient, key: AccountKey): Promise<StoredAccount> {
  if (!key.externalId.trim()) throw new FlowPilotError("invalid_input", "An account needs an external id.");
  const companyName = key.companyName === undefined ? undefined : parseCompanyName(key.companyName);
  return retryOnUniqueViolation(async () =>
    toStoredAccount(
      await prisma.account.upsert({
        where: { platform_externalId: { platform: key.platform, externalId: key.externalId } },
        create: {
          platform: key.platform,
          externalId: key.externalId,
          name: key.name ?? "",
          companyName: companyName ?? "",
        },
        update: key.name ? { name: key.name } : {},
      }),
    ),
  );
}

/** The account of a platform workspace, or null when it never made contact. */
export async function findAccount(
  prisma: PrismaClient,
  key: Pick<AccountKey, "platform" | "externalId">,
): Promise<StoredAccount | null> {
  const row = await prisma.account.findUnique({
    where: { platform_externalId: { platform: key.platform, externalId: key.externalId.trim() } },
  });
  return row ? toStoredAccount(row) : null;
}

/** The account, or null when there is none with that id. */
export async function getAccount(prisma: PrismaClient, accountId: string): Promise<StoredAccount | null> {
  if (!isUuid(accountId)) return null;
  const row = await prisma.account.findUnique({ where: { id: accountId } });
  return row ? toStoredAccount(row) : null;
}

/**
 * Validates and stores the team's communication templates (missing keys take
 * the defaults). Bad input throws FlowPilotError("invalid_input") naming the field.
 */
export async function updateTemplates(
  prisma: PrismaClient,
  accountId: string,
  templates: unknown,
): Promise<CommunicationTemplates> {
  let parsed: CommunicationTemplates;
  try {
    parsed = parseTemplates(templates);
  } catch (err) {
    if (err instanceof z.ZodError) {
      throw new FlowPilotError(
        "invalid_input",
        `Invalid communication templates: ${describeFirstIssue(err)}`,
        {
          cause: err,
        },
      );
    }
    throw err;
  }
  await updateAccount(prisma, accountId, { communicationTemplates: parsed });
  return parsed;
}

/** The account's templates with defaults filled in. */
export async function getTemplates(prisma: PrismaClient, accountId: string): Promise<CommunicationTemplates> {
  const account = await getAccount(prisma, accountId);
  if (!account) throw accountNotFound();
  return account.templates;
}

/** Sets the MSP's company name used in sign-offs ("" clears it). */
export async function setCompanyName(
  prisma: PrismaClient,
  accountId: string,
  companyName: string,
): Promise<void> {
  await updateAccount(prisma, accountId, { companyName: parseCompanyName(companyName) });
}

function parseCompanyName(value: string): string {
  const parsed = companyNameSchema.safeParse(value);
  if (!parsed.success)
    throw new FlowPilotError("invalid_input", "The company name can be at most 200 characters.");
  return parsed.data;
}

async function updateAccount(
  prisma: PrismaClient,
  accountId: string,
  data: { companyName?: string; communicationTemplates?: CommunicationTemplates },
): Promise<void> {
  if (!isUuid(accountId)) throw accountNotFound();
  try {
    await prisma.account.update({ where: { id: accountId }, data });
  } catch (err) {
    if (isRecordNotFound(err)) throw accountNotFound(err);
    throw err;
  }
}

const accountNotFound = (cause?: unknown) =>
  new FlowPilotError("not_found", "That account does not exist.", { cause });
