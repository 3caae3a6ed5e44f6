import type { InferredStatus, SessionStatus } from "../../types.ts";
import type { Statement } from "./statement-roles.ts";

export interface Stage {
  status: InferredStatus;
  /** Index of the first statement of the fix work under way (or applied) now, or -1. */
  fixFrom: number;
  /** Index of the stated cause that stands now, or -1. */
  causeAt: number;
}

/**
 * The troubleshooting stage from the statements in order (README: status
 * semantics). A stated cause means identified; fix work applied, under way
 * or taking effect means implementing, with or without a stated cause (a
 * lost phone needs no diagnosis). Fix work stops counting when the problem
 * persists after it ("same error", "didn't help"), when the engineer says
 * nothing is changed yet, or when a cause is only named afterwards and the
 * changes before it never visibly worked (they were tests). "Still no idea
 * what's causing it" withdraws an earlier guess; a named root cause is not
 * replaced by a later passing remark.
 *
 * `messageOf[i]` is the message statement i came from.
 */
export function inferStage(
  statements: readonly Statement[],
  sessionStatus: SessionStatus,
  messageOf: readonly number[],
): Stage {
  let causeAt = -1;
  let fixFrom = -1;
  let verifiedSinceFix = false;
  statements.forEach((s, i) => {
    switch (s.role) {
      case "cause":
        if (fixFrom >= 0 && !verifiedSinceFix && messageOf[fixFrom] !== messageOf[i]) fixFrom = -1;
        if (s.strong || causeAt < 0 || !statements[causeAt]!.strong) causeAt = i;
        return;
      case "finding":
        if (s.causeUnknown) causeAt = -1;
        if (s.holdsOff) fixFrom = -1;
        return;
      case "fix":
      case "fix_in_progress":
        if (fixFrom < 0) {
          fixFrom = i;
          verifiedSinceFix = false;
        }
        return;
      case "verification":
        verifiedSinceFix = fixFrom >= 0;
        return;
      case "symptom":
        if (s.persisting) fixFrom = -1;
        return;
      default:
    }
  });
  const status: InferredStatus =
    sessionStatus === "resolved"
      ? "resolved"
      : sessionStatus === "escalated"
        ? "escalated"
        : fixFrom >= 0
          ? "implementing"
          : causeAt >= 0
            ? "identified"
            : "investigating";
  return { status, fixFrom, causeAt };
}
