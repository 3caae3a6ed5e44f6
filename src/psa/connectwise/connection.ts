import { FlowPilotError } from "../../errors.ts";
import { type ConnectWiseSettings, insecureSiteProblem } from "./settings.ts";

/**
 * Where and how to call one ConnectWise PSA (Manage) site.
 * Cloud sites are reached through their `api-` host (na.myconnectwise.net
 * -> api-na.myconnectwise.net); on-premise hosts and full URLs are used as given.
 */
export function connectWiseBaseUrl(settings: Pick<ConnectWiseSettings, "site" | "codebase">): string {
  const site = settings.site.trim().replace(/\/+$/, "");
  const problem = insecureSiteProblem(site);
  if (problem) throw new FlowPilotError("invalid_input", problem);
  const origin = /^https?:\/\//i.test(site) ? site : `https://${cloudApiHost(site)}`;
  return `${origin}/${settings.codebase}/apis/3.0`;
}

function cloudApiHost(host: string): string {
  return /(^|\.)myconnectwise\.net$/i.test(host) && !/^api-/i.test(host) ? `api-${host}` : host;
}

/**
 * The documented API-member authentication: Basic with
 * `companyId+publicKey:privateKey`, plus the integration's `clientId`.
 * With an API version, the Accept header pins the response format to it.
 */
export function connectWiseHeaders(settings: ConnectWiseSettings): Record<string, string> {
  const credentials = Buffer.from(
    `${settings.companyId}+${settings.publicKey}:${settings.privateKey}`,
    "utf8",
  ).toString("base64");
  return {
    Authorization: `Basic ${credentials}`,
    clientId: settings.clientId,
    Accept: settings.apiVersion
      ? `application/vnd.connectwise.com+json; version=${settings.apiVersion}`
      : "application/json",
  };
}

/** ConnectWise ticket ids are numbers; "#12345", "T12345" and "TKT-12345" are accepted as written by engineers. */
export function connectWiseTicketNumber(ticketId: string): string | null {
  const match = /^\s*(?:#|t|tkt-?|ticket\s*#?|cw-?)?\s*(\d{1,12})\s*$/i.exec(ticketId);
  return match ? String(Number(match[1])) : null;
}
