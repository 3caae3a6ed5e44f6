/**
 * Something FlowPilot needs could not be reached (Slack at start-up, say):
 * printed as one line, exit code 1, as for other refusals that are not the
 * caller's input.
 */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}
