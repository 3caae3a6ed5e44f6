import { guarded, pattern, type Rule } from "./rule-kit.ts";
import { entropy } from "./values.ts";

/**
 * Secrets with a shape of their own: headers and bearer tokens, tokens and
 * keys of well-known services (secretlint knows more; these never depend on
 * it), signed-URL parameters, webhook URLs, private keys, recovery keys, TOTP
 * seeds and password hashes.
 */

/** The value of a `name=value` URL parameter up to the next separator. */
const PARAM_VALUE = String.raw`(?<v>[^&\s"'<>#;,]{6,})`;

export const FORMAT_RULES: Rule[] = [
  // headers and bearer tokens
  pattern(
    "api_key",
    /x-/i,
    /(?<![\w-])x-[\w-]*(?:api-?key|auth-?key|token|secret|functions-key)["']?\s*[:=]\s*["']?(?<v>[^\s"',;}]{6,})/gi,
  ),
  pattern(
    "token",
    /authorization/i,
    /(?<![\w-])(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:basic|bearer|token|digest|ntlm|negotiate|sharedaccesssignature|apikey|sso-key|ssws|dsn)\s+)?(?<v>[^\s"',;}]{6,})/gi,
    (v) => !/^(?:header|headers|is|was|missing|empty|required|failed|fails|denied)$/i.test(v),
  ),
  pattern("token", /bearer/i, /(?<![\w-])bearer\s+(?<v>[A-Za-z0-9._~+/=-]{12,})/gi, (v) => /\d/.test(v)),
  pattern("token", /eyJ/, /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g),

  // tokens and keys of well-known services
  pattern(
    "token",
    /gh[pousr]_|github_pat_|xox|xapp|npm_|glpat|pypi-|shp|ATATT|dop_v1|hf_|[MNO][A-Za-z\d]{20,}\.|\d{8,10}:AA/,
    /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|npm_[A-Za-z0-9]{30,}|glpat-[A-Za-z0-9_-]{20,}|pypi-[A-Za-z0-9_-]{40,}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|ATATT[A-Za-z0-9_=-]{30,}|dop_v1_[a-f0-9]{64}|hf_[A-Za-z0-9]{30,}|[MNO][A-Za-z\d_-]{22,26}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}|\d{8,10}:AA[A-Za-z0-9_-]{30,})/g,
  ),
  pattern(
    "api_key",
    /sk-|sk_|rk_|AKIA|ASIA|AIza|SG\.|key-|whsec_|SK[0-9a-f]|AC[0-9a-f]|dd[a-z]|xkeysib/,
    /\b(?:sk-(?:proj-|ant-(?:api\d+-)?|live-|test-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|SG\.[\w-]{16,}\.[\w-]{16,}|key-[0-9a-f]{32}|SK[0-9a-f]{32}|xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g,
  ),
  // an Entra ID (Azure AD) client secret: three characters, a digit, "Q~", then 31 to 34 more
  pattern("secret", /\dQ~/, /(?<![\w~.-])[\w~.-]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g),
  // the private members of a JSON Web Key
  pattern("private_key", /"kty"/, /"(?:d|p|q|dp|dq|qi|k)"\s*:\s*"(?<v>[A-Za-z0-9_-]{16,})"/g),
  pattern("private_key", /AGE-SECRET-KEY/, /AGE-SECRET-KEY-1[0-9A-Z]{50,}/g),
  // a wallet's recovery phrase: 12 to 24 lowercase words after its name
  pattern(
    "secret",
    /phrase|mnemonic|seed\s+words/i,
    /\b(?:recovery|seed|backup|wallet|secret|mnemonic)\s+(?:phrase|words)\b[^:\n]{0,60}[:=]\s*(?<v>(?:[a-z]{3,8}[ ,]+){11,23}[a-z]{3,8})/gi,
  ),
  // a YubiKey OTP (modhex): the touch types it into whatever has focus
  pattern("access_code", /cccc/, /\b[cbdefghijklnrtuv]{32,48}\b/g, (v) => /^cccc/.test(v)),
  // an AWS secret access key: 40 characters next to an access key id or its name
  guarded(/AKIA|ASIA|aws/i, (text, found) => {
    for (const m of text.matchAll(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/g)) {
      if (/[A-Z]/.test(m[0]) && /[a-z]/.test(m[0]) && /\d/.test(m[0]))
        found.push({ kind: "api_key", start: m.index, end: m.index + 40 });
    }
  }),

  // signed URLs and secrets in query strings
  pattern(
    "signature",
    /[?&][\w.-]+=/,
    /[?&](?:sig|signature|x-amz-signature|x-goog-signature|x-amz-security-token|x-goog-credential|rlkey|tempauth|hmac)=(?<v>[^&\s"'<>#]{6,})/gi,
  ),
  pattern(
    "token",
    /[?&][\w.-]+=/,
    new RegExp(
      `[?&](?:token|access_token|id_token|refresh_token|auth|auth_token|session|sessionid|code|key|apikey|api_key|client_secret|secret|password|pwd|pass)=${PARAM_VALUE}`,
      "gi",
    ),
    (v) => v.length >= 12 || /\d/.test(v),
  ),
  // any other long random query value
  guarded(/[?&]\w+=/, (text, found) => {
    for (const m of text.matchAll(/[?&][\w.-]+=(?<v>[A-Za-z0-9%_~.+/-]{20,})/g)) {
      const v = m.groups!.v!;
      if (
        /^\d+$|^\d{4}-\d\d-\d\d|%3A|^https?%3A/i.test(v) ||
        entropy(v) < 4 ||
        !/\d/.test(v) ||
        !/[a-z]/i.test(v)
      )
        continue;
      const start = m.index + m[0].length - v.length;
      found.push({ kind: "token", start, end: start + v.length });
    }
  }),

  // webhook URLs: the secret is in the URL
  pattern(
    "webhook_url",
    /hook|ifttt|zapier|make\.com/i,
    /https?:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|[\w.-]*\.webhook\.office\.com\/webhookb2\/|outlook\.office(?:365)?\.com\/webhook\/|(?:[\w.-]+\.)?discord(?:app)?\.com\/api\/webhooks\/|hooks\.zapier\.com\/hooks\/catch\/|hook\.[\w.]*make\.com\/|maker\.ifttt\.com\/trigger\/|(?:[\w.-]+\.)?webhook\.site\/)[^\s"'<>)]+/gi,
  ),
  // any other URL whose path has a hooks/webhooks segment followed by a long opaque one: the URL is the secret
  pattern(
    "webhook_url",
    /hook/i,
    /https?:\/\/[^\s"'<>)]*?\/(?:hooks?|webhooks?|webhookb2)\/(?:[^\s"'<>)/]+\/)*?(?:incoming\/)?[A-Za-z0-9_-]{16,}[^\s"'<>)]*/gi,
  ),
  // automation triggers and chat-space webhooks that carry their signature or key in the query
  pattern(
    "webhook_url",
    /logic\.azure\.com|chat\.googleapis\.com|pipedream\.net|webhook/i,
    /https?:\/\/(?:[\w.-]+\.logic\.azure\.com(?::\d+)?\/workflows\/[^\s"'<>)]*[?&]sig=[^\s"'<>)]+|chat\.googleapis\.com\/v1\/spaces\/[^\s"'<>)]*[?&](?:key|token)=[^\s"'<>)]+|[\w-]+\.m\.pipedream\.net[^\s"'<>)]*)/gi,
  ),
  // capability URLs: a long random path segment is the secret (Oracle pre-authenticated requests and the like)
  guarded(/https?:\/\//, (text, found) => {
    for (const m of text.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
      for (const seg of m[0].matchAll(/\/([A-Za-z0-9_~-]{40,})(?=\/|$|\?)/g)) {
        const v = seg[1]!;
        const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(v)).length;
        if (classes < 3 || entropy(v) < 4.2 || /^[0-9a-f-]+$/i.test(v)) continue;
        const start = m.index + seg.index + 1;
        found.push({ kind: "signature", start, end: start + v.length });
      }
    }
  }),

  // private keys (a whole PEM block, even cut short) and PuTTY key files
  pattern(
    "private_key",
    /-----BEGIN/,
    /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  ),
  // (a PuTTY file's private lines and MAC; its header, comment and public lines are public)
  pattern(
    "private_key",
    /Private-Lines/,
    /Private-Lines:\s*\d+\s+(?<v>[A-Za-z0-9+/=]{8,}(?:\s+[A-Za-z0-9+/=]{8,})*)/g,
  ),
  pattern("private_key", /Private-MAC/, /Private-MAC:\s*(?<v>[0-9a-f]{40,64})/g),
  // a PEM private key pasted as base64 (Kubernetes secrets, tls.key)
  pattern("private_key", /LS0tLS1CRUdJTi/, /LS0tLS1CRUdJTi[A-Za-z0-9+/]*={0,2}/g),

  // BitLocker (8 groups of 6 digits), Apple (6 groups of 4) and 8x4 recovery keys
  pattern("recovery_key", /\d{6}\s*[- ]\s*\d{6}/, /(?<![\d-])\d{6}(?:\s*[- ]\s*\d{6}){7}(?![\d-])/g),
  pattern(
    "recovery_key",
    /[A-Z0-9]{4}-[A-Z0-9]{4}-/,
    /(?<![\w-])[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5,7}(?![\w-])/g,
    (v) => /\d/.test(v) && /[A-Z]/.test(v),
  ),

  // TOTP seeds: otpauth:// URIs, base32 after a TOTP tool or word, grouped setup keys
  pattern("totp_seed", /otpauth/i, /otpauth:\/\/[^\s"'<>?]+\?(?:[^\s"'<>]*?&)?secret=(?<v>[A-Za-z2-7=]+)/gi),
  guarded(
    /totp|otp|2fa|mfa|authenticator|seed|setup key|secret key|oathtool|pyotp|base32|token/i,
    (text, found) => {
      const re =
        /(?<![A-Za-z0-9])(?:[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,}|[a-z2-7]{4}(?: [a-z2-7]{4}){3,}|[A-Z2-7]{16,}=*)(?![A-Za-z0-9])/g;
      for (const m of text.matchAll(re)) {
        if (/[2-7]/.test(m[0]) && /[A-Za-z]{2}/.test(m[0]))
          found.push({ kind: "totp_seed", start: m.index, end: m.index + m[0].length });
      }
    },
  ),

  // password hashes: pwdump lines, LM:NT pairs, NetNTLM responses, crypt(3) and Cisco formats, MySQL
  pattern(
    "password_hash",
    /:::/,
    /(?<![\w])(?:[a-f0-9]{32}:)?[a-f0-9]{32}(?=:::)/gi,
    (v) => !/^aad3b435b51404ee/i.test(v) || v.length > 32,
  ),
  pattern("password_hash", /[a-f0-9]{32}:[a-f0-9]{32}/i, /(?<![\w:])[a-f0-9]{32}:[a-f0-9]{32}(?![\w:])/gi),
  pattern("password_hash", /::/, /\b[\w.$-]+::[\w.-]+:(?<v>[0-9a-f]{16}:[0-9a-f]{32}:[0-9a-f]{32,})/gi),
  pattern(
    "password_hash",
    /\$[\w-]{1,10}\$/,
    /\$(?:krb5(?:tgs|asrep)\$[^\s'"]{16,}|argon2(?:id|i|d)?\$v=\d+\$[^\s'"]{16,}|(?:2[abxy]?|1|5|6|7|8|9|y|gy|sha1|md5|P|H|apr1|pbkdf2[-\w]*|scrypt)\$[^\s:'",]{8,})/g,
  ),
  pattern(
    "password_hash",
    /pbkdf2_|bcrypt|argon2\$|sha1\$|md5\$/,
    /\b(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|sha1|md5)\$[^\s:'",]{16,}/g,
  ),
  pattern("password_hash", /\*[0-9A-F]{40}/i, /(?<![\w*])\*[0-9A-F]{40}(?![\w])/gi),
  // SQL Server password hashes (0x0100/0x0200…) and hex after "password hash"
  pattern("password_hash", /0x0[12]00/i, /\b0x0[12]00[0-9A-F]{40,}\b/gi),
  guarded(/password[_ ]?hash|pwdhash|passwordhash|hashed\s+password/i, (text, found) => {
    const re =
      /(?:password[_ ]?hash(?:es)?|pwdhash|hashed\s+password)\b[^\n]{0,60}?(?<v>(?:0x)?[0-9a-f]{32,})/gi;
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].length - m.groups!.v!.length;
      found.push({ kind: "password_hash", start, end: start + m.groups!.v!.length });
    }
  }),
  guarded(/ntlm|hash|pth|mimikatz|secretsdump|hashcat|john|-H\s|-hashes/i, (text, found) => {
    const re =
      /\b(?:ntlm(?:v[12])?|nt[ -]?hash(?:es)?|nthash|lm[ -]?hash|password\s+hash(?:es)?|pass[- ]the[- ]hash|pth|hashdump|secretsdump|mimikatz|hashcat|john|hash(?:es)?\s+(?:for|of)\s+[\w.\\$-]+)\b|(?<![\w-])-(?:H|hashes)\s+/gi;
    for (const m of text.matchAll(re)) {
      const window = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const hash = /(?<![\w])(?:[a-f0-9]{32}:)?[a-f0-9]{32}(?![\w])/i.exec(window);
      if (!hash) continue;
      const start = m.index + m[0].length + hash.index;
      found.push({ kind: "password_hash", start, end: start + hash[0].length });
    }
  }),
];
