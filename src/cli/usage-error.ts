/**
 * Bad CLI input: printed as one line naming the problem, exit code 2.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE_EXIT_CODE = 2;
