import type { InferredStatus, SessionStatus } from "../types.ts";

/**
 * The troubleshooting stage a session is in: resolved / escalated come from
 * the session itself; otherwise a stated cause means "identified", and fix work
 * after it (or a fix visibly under way without a stated cause) means "implementing".
 */
export function inferStatus(input: {
  sessionStatus: SessionStatus;
  hasDiagnosis: boolean;
  fixAfterDiagnosis: boolean;
  fixWithoutDiagnosis: boolean;
}): InferredStatus {
  if (input.sessionStatus === "resolved") return "resolved";
  if (input.sessionStatus === "escalated") return "escalated";
  if (input.hasDiagnosis) return input.fixAfterDiagnosis ? "implementing" : "identified";
  return input.fixWithoutDiagnosis ? "implementing" : "investigating";
}
