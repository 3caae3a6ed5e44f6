import { z } from "zod";
import { findAccount, getOrCreateAccount } from "../db/accounts.ts";
import {
  createApiToken,
  findApiAccount,
  getOrCreateApiAccount,
  listApiTokens,
  revokeApiToken,
} from "../db/api-tokens.ts";
import { deleteConnection, describeConnection, savePsaConnection } from "../db/psa-connections.ts";
import { type PurgeCounts, purgeClosedSessions } from "../db/purge.ts";
import { redactStoredSecrets } from "../db/redact-stored.ts";
import { computeUsageStats } from "../db/usage-stats.ts";
import { PLATFORMS } from "../domain/index.ts";
import { FlowPilotError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { isPsaProvider, psaConnectionSchema, psaProvider } from "../psa/providers.ts";

/**
 * The short administrative jobs the CLI runs on the database (stats, API
 * tokens, PSA connections, purge), declared once. A CLI process runs them on the
 * database it opens; when the embedded database is held by a running bot or
 * API, that process runs the same job for it (see owner-channel.ts).
 * Each job returns the text to print.
 */
export interface DatabaseJobContext {
  prisma: PrismaClient;
  /** FLOWPILOT_ENCRYPTION_KEY of the process running the job. */
  encryptionKey?: Buffer;
}

const accountKey = z.object({ platform: z.enum(PLATFORMS), externalId: z.string().min(1) });

const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
const secs = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(1)} s`);
const when = (d: Date | null) => (d ? d.toISOString() : "-");

/** One line a purge prints (and the retention job logs the same counts). */
export function describePurge(c: PurgeCounts, run: { olderThanDays: number; dryRun: boolean }): string {
  const what = `${c.sessions} session(s) closed more than ${run.olderThanDays} day(s) ago: ${c.messages} message(s), ${c.updates} update(s), ${c.reminders} reminder(s), ${c.steps} timeline step(s) in all`;
  return run.dryRun ? `Would delete ${what} (dry run: nothing deleted).\n` : `Deleted ${what}.\n`;
}

function job<S extends z.ZodType>(
  args: S,
  run: (ctx: DatabaseJobContext, args: z.infer<S>) => Promise<string>,
) {
  return { args, run };
}

export const DATABASE_JOBS = {
  stats: job(z.object({ json: z.boolean().default(false) }), async ({ prisma }, { json }) => {
    const s = await computeUsageStats(prisma);
    if (json) return `${JSON.stringify(s, null, 2)}\n`;
    return [
      `Sessions over 10 minutes:          ${s.sessionsOver10Minutes}`,
      `  ...that used Share Update:       ${s.sessionsOver10MinutesWithShareUpdate} (${pct(s.shareUpdateAdoption)}, target 30%+)`,
      `Updates generated / posted:        ${s.updatesGenerated} / ${s.updatesPosted}`,
      `Generation to ticket post:         median ${secs(s.secondsToTicketPost.median)}, p95 ${secs(s.secondsToTicketPost.p95)} (target < 5 s)`,
      `Feedback:                          👍 ${s.feedback.up}  👎 ${s.feedback.down}`,
      "",
    ].join("\n");
  }),

  "redact-existing": job(z.object({}), async ({ prisma }) => {
    const r = await redactStoredSecrets(prisma, { force: true });
    return `Scanned ${r.sessionsScanned} session(s); removed secrets from ${r.rowsChanged} stored row(s).\n`;
  }),

  purge: job(
    z.object({ olderThanDays: z.number().int().min(1), dryRun: z.boolean().default(false) }),
    async ({ prisma }, { olderThanDays, dryRun }) =>
      describePurge(await purgeClosedSessions(prisma, { olderThanDays, dryRun }), { olderThanDays, dryRun }),
  ),

  "token.create": job(
    z.object({ account: z.string(), name: z.string().default("api") }),
    async ({ prisma }, { account, name }) => {
      const owner = await getOrCreateApiAccount(prisma, account);
      const created = await createApiToken(prisma, { accountId: owner.id, name });
      return [
        `Token:      ${created.token}`,
        `Token id:   ${created.id}`,
        `Account:    ${account.trim()} (${owner.id})`,
        "",
        "Store the token now: it is not shown again. Send it as: Authorization: Bearer <token>",
        "",
      ].join("\n");
    },
  ),

  "token.list": job(z.object({ account: z.string() }), async ({ prisma }, { account }) => {
    const owner = await findApiAccount(prisma, account);
    if (!owner) throw new FlowPilotError("not_found", `There is no API account "${account.trim()}".`);
    const tokens = await listApiTokens(prisma, owner.id);
    if (tokens.length === 0) return `No tokens for ${account.trim()}.\n`;
    const lines = tokens.map((t) =>
      [t.id, t.revokedAt ? "revoked" : "active ", when(t.createdAt), when(t.lastUsedAt), t.name].join("  "),
    );
    return `${["id  state  created  last used  name", ...lines].join("\n")}\n`;
  }),

  "token.revoke": job(z.object({ tokenId: z.string() }), async ({ prisma }, { tokenId }) => {
    const revoked = await revokeApiToken(prisma, tokenId);
    return `Revoked token ${revoked.id} (${revoked.name}).\n`;
  }),

  "psa.save": job(
    z.object({
      account: accountKey,
      label: z.string(),
      connection: psaConnectionSchema,
      version: z.string().optional(),
    }),
    async ({ prisma, encryptionKey }, { account, label, connection, version }) => {
      if (!encryptionKey)
        throw new FlowPilotError(
          "config_invalid",
          "FLOWPILOT_ENCRYPTION_KEY must be set to store PSA credentials (32 bytes, e.g. from: openssl rand -base64 32)",
        );
      const stored = await getOrCreateAccount(prisma, account);
      await savePsaConnection(prisma, stored.id, connection, encryptionKey);
      const where = psaProvider(connection.provider).describe(connection.settings, "site");
      return `Connected ${label} to ${where}${version ? ` (${version})` : ""}. The private key is stored encrypted.\n`;
    },
  ),

  "psa.status": job(
    z.object({ account: accountKey, label: z.string(), fromEnvironment: z.string().optional() }),
    async ({ prisma }, { account, label, fromEnvironment }) => {
      const found = await findAccount(prisma, account);
      const stored = found ? await describeConnection(prisma, found.id) : null;
      if (stored && isPsaProvider(stored.provider))
        return `${label}: ${psaProvider(stored.provider).describe(stored.settings, "all")} (stored ${stored.updatedAt.toISOString()})\n`;
      if (fromEnvironment) return `${label}: ${fromEnvironment} (from CONNECTWISE_* environment)\n`;
      return `${label}: no PSA connected\n`;
    },
  ),

  "psa.disconnect": job(z.object({ account: accountKey, label: z.string() }), async ({ prisma }, a) => {
    const found = await findAccount(prisma, a.account);
    const removed = found ? await deleteConnection(prisma, found.id) : false;
    return removed ? `Disconnected ${a.label}.\n` : `${a.label} had no stored connection.\n`;
  }),
} as const;

export type DatabaseJobName = keyof typeof DATABASE_JOBS;
export type DatabaseJobArgs<N extends DatabaseJobName> = z.input<(typeof DATABASE_JOBS)[N]["args"]>;

export function isDatabaseJobName(name: unknown): name is DatabaseJobName {
  return typeof name === "string" && Object.hasOwn(DATABASE_JOBS, name);
}

/** Validates the arguments and runs the job; bad arguments are an invalid_input error naming the field. */
export async function runDatabaseJobOn(
  ctx: DatabaseJobContext,
  name: DatabaseJobName,
  args: unknown,
): Promise<string> {
  const spec = DATABASE_JOBS[name] as {
    args: z.ZodType;
    run: (ctx: DatabaseJobContext, args: unknown) => Promise<string>;
  };
  const parsed = spec.args.safeParse(args);
  if (!parsed.success)
    throw new FlowPilotError(
      "invalid_input",
      `Bad arguments for ${name}: ${parsed.error.issues[0]?.message}`,
    );
  return spec.run(ctx, parsed.data);
}
