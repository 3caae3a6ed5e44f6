import type { Logger, SlackInstallationStore } from "../../domain/index.ts";

export interface SlackRuntimeOptions {
  logger: Logger;
  /** Needed for OAuth installs. */
  installations?: SlackInstallationStore;
  /** Tests: how long a Web API call may be retried (default: 2 retries within ~3 s). */
  retries?: number;
  /** Tests: the clock the request signature is checked against. */
  now?: () => number;
}

/** The routing a Slack thread needs besides its ids: nothing but the workspace (in `account`). */
export const SLACK_ACCOUNT_PLATFORM = "slack" as const;
