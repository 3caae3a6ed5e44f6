import type { Logger } from "../../domain/index.ts";

/** One workspace's installation of the app: what the Web API needs to act there. */
export interface SlackInstallationRecord {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  botToken: string;
  botId?: string;
  botUserId?: string;
  /** Who installed it (a Slack user id). */
  installedBy?: string;
  scopes?: string[];
}

/**
 * Where OAuth installs are kept (src/db implements it, tokens encrypted at
 * rest); the adapter never sees the database.
 */
export interface SlackInstallationStore {
  save(installation: SlackInstallationRecord): Promise<void>;
  find(teamId: string): Promise<SlackInstallationRecord | null>;
  delete(teamId: string): Promise<void>;
}

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
