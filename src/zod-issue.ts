import type { z } from "zod";

/** One line naming the first invalid field of a zod error: `"ticket.id": Invalid input`. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
  return `"${field}": ${issue.message}`;
}
