import { Prisma } from "../generated/prisma/client.ts";

/**
 * Recognises constraint errors from both drivers. @prisma/adapter-pg errors
 * arrive as PrismaClientKnownRequestError with a P-code; pglite-prisma-adapter
 * 0.6 errors arrive unmapped, as a DriverAdapterError whose cause carries the
 * PostgreSQL SQLSTATE.
 */
function matches(err: unknown, prismaCode: string, sqlState: string): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === prismaCode;
  const e = err as { name?: string; cause?: { kind?: string; code?: string } } | null;
  return e?.name === "DriverAdapterError" && e.cause?.kind === "postgres" && e.cause.code === sqlState;
}

/** A unique constraint was violated: someone else created the row first. */
export function isUniqueViolation(err: unknown): boolean {
  return matches(err, "P2002", "23505");
}

/** A referenced row does not exist, e.g. a step for an unknown session. */
export function isForeignKeyViolation(err: unknown): boolean {
  return matches(err, "P2003", "23503");
}

/** The row to update or delete does not exist (Prisma P2025). */
export function isRecordNotFound(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";
}

/**
 * Runs a get-or-create once more when a concurrent writer won the race to the
 * unique key: the second attempt finds the row the other one created.
 */
export async function retryOnUniqueViolation<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return op();
  }
}
