import type { z } from "zod";

/** The first invalid field of a zod error (dotted path, absent for the root) and what is wrong with it. */
export function firstIssue(error: z.ZodError): { field?: string; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { problem: "invalid input" };
  return {
    ...(issue.path.length > 0 ? { field: issue.path.map(String).join(".") } : {}),
    problem: issue.message,
  };
}

/** One line naming the first invalid field of a zod error: `"ticket.id": Invalid input`. */
export function describeFirstIssue(error: z.ZodError): string {
  const { field, problem } = firstIssue(error);
  return error.issues.length === 0 ? problem : `"${field ?? "(root)"}": ${problem}`;
}
