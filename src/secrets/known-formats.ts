import type { SecretKind } from "./kinds.ts";
import type { SecretSpan } from "./rules.ts";

/**
 * Known secret formats from a well-kept rule set: secretlint's recommended
 * preset (cloud keys, platform tokens, private keys, credentials in URLs),
 * run in-process on the text. It costs about a millisecond a call, so it
 * only runs on text that holds something one of its rules looks for: the
 * prefixes and names of the formats in the preset.
 */
const PREFIX_CANDIDATE =
  /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|gl(?:c|sa)_|gsk_|hv[sb]\.|hf_|lin_api_|secret_|ntn_|npm_|sk-|[spr]k_(?:live|test)|SG\.|shp(?:at|ss|ca|pa)_|xox[a-z]-|xapp-|hooks\.slack|tskey-|dapi|figd_|ops_|op:\/\/|PRIVATE KEY|:\/\/[^\s/@]*:[^\s/@]+@|"auths"|private_key|CF_API/i;
/**
 * Vendor names are everyday words in an MSP thread ("the Cloudflare
 * nameservers"); their rules need a key value, so a name only counts next to
 * something long enough to be one.
 */
const NAME_CANDIDATE = /aws|cloudflare|vercel|databricks|grafana|anthropic|openai|notion/i;
const LONG_VALUE = /[A-Za-z0-9_\-+/=]{24,}/;

const KIND_BY_RULE: Array<[RegExp, SecretKind]> = [
  [/privatekey/i, "private_key"],
  [/connection-string|basicauth/i, "connection_string"],
  [/slack|github|npm|gitlab|linear|shopify|1password|token/i, "token"],
];

type LintSource = typeof import("@secretlint/core").lintSource;
let engine: Promise<{ lint: LintSource; config: object }> | undefined;

function load() {
  engine ??= Promise.all([
    import("@secretlint/core"),
    import("@secretlint/secretlint-rule-preset-recommend"),
  ]).then(([core, preset]) => ({
    lint: core.lintSource,
    config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: preset.creator }] },
  }));
  return engine;
}

export function mayHoldKnownFormat(text: string): boolean {
  return PREFIX_CANDIDATE.test(text) || (NAME_CANDIDATE.test(text) && LONG_VALUE.test(text));
}

/** Secrets of formats secretlint knows, as spans of the text. */
export async function findKnownFormatSecrets(text: string): Promise<SecretSpan[]> {
  if (!mayHoldKnownFormat(text)) return [];
  const { lint, config } = await load();
  const result = await lint({
    source: { filePath: "/message.txt", content: text, contentType: "text" },
    options: { config: config as Parameters<LintSource>[0]["options"]["config"] },
  });
  return result.messages.map((m) => {
    const kind = KIND_BY_RULE.find(([re]) => re.test(m.ruleId))?.[1] ?? "api_key";
    const [start, end] = m.range;
    // A URL with credentials keeps its host and database: only the password goes.
    const password = kind === "connection_string" ? URL_PASSWORD.exec(text.slice(start, end)) : null;
    if (password?.groups?.v) {
      const at = start + password.index + password[0].length - password.groups.v.length - 1;
      return { kind, start: at, end: at + password.groups.v.length };
    }
    return { kind, start, end };
  });
}

const URL_PASSWORD = /:\/\/[^\s:/@]+:(?<v>[^\s@/]+)@/;
