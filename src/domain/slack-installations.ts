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
 * rest); the Slack adapter uses it and never sees the database.
 */
export interface SlackInstallationStore {
  save(installation: SlackInstallationRecord): Promise<void>;
  find(teamId: string): Promise<SlackInstallationRecord | null>;
  delete(teamId: string): Promise<void>;
}
