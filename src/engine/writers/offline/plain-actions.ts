import { readClause, type VerbUse } from "../../context/roles/clause.ts";
import type { Fact } from "../../context/session-facts.ts";

/**
 * What was done, said to a client as a whole fact: "reversed the update",
 * "secured the account". Built from what the verb does and what kind of
 * thing it acted on, never by swapping words inside the engineer's
 * sentence; a change whose object is not a kind of thing listed here is
 * left out rather than guessed.
 */

/** Kinds of things changed, and how a client hears them. Checked in order: specific kinds first. */
const OBJECTS: Array<[RegExp, string]> = [
  [
    /\b(?:tap|temporary access pass|temp(?:orary)? (?:pw|password|pass|code)|one-time (?:code|pass\w*))\b/i,
    "a temporary sign-in code",
  ],
  [
    /\b(?:authenticator|mfa|2fa|multi-?factor|sign-?in method|auth(?:entication)? method)\b/i,
    "the old sign-in verification",
  ],
  [/\b(?:sign-?in sessions?|sessions?|tokens?|logins?)\b/i, "the existing sign-ins"],
  [/\b(?:passwords?|pw|passphrase|credentials?|creds)\b/i, "the password"],
  [/\b(?:inbox rules?|forwarding rules?|mail ?flow rules?|transport rules?)\b/i, "the email rule involved"],
  [/\b(?:permissions?|access|acls?|full access|send as|rights|share perms?|ntfs)\b/i, "access"],
  [/\b(?:licen[cs]es?|subscriptions?|sku)\b/i, "the licence"],
  [/\b(?:certs?|certificates?)\b/i, "the security certificate"],
  [/\b(?:driver|drivers|firmware|update|updates|patch|patches|kb\d+|build|version)\b/i, "the update"],
  [/\b(?:backups?|snapshots?|restore points?)\b/i, "the backup"],
  [/\b(?:mailbox(?:es)?|inbox)\b/i, "the mailbox"],
  [/\b(?:accounts?|users?|upn)\b/i, "the account"],
  [
    /\b(?:phones?|iphones?|ipads?|tablets?|laptops?|pcs?|workstations?|devices?|handsets?|computers?)\b/i,
    "the device",
  ],
  [/\b(?:printers?|queues?|spooler|copiers?|scanners?)\b/i, "the printer setup"],
  [/\b(?:dns|records?|mx|spf|dkim|dmarc)\b/i, "the domain settings"],
  [
    /\b(?:firewall|port[- ]?forward\w*|nat|vpn|rules?|polic(?:y|ies)|gpos?|settings?|config\w*|registry|ou)\b/i,
    "the settings involved",
  ],
  [/\b(?:disk|drive|volume|storage|quota|space|log file|logs?)\b/i, "the storage"],
  [/\b(?:files?|folders?|shares?|data|documents?)\b/i, "the files"],
  [/\b(?:services?|server|app pool|application|software|app|agent|client)\b/i, "the software involved"],
];

/** What a verb does, in plain past tense; the object kind may change the wording. */
const VERBS: Array<[RegExp, (object: string) => string]> = [
  [/^(?:wipe|erase|remote-wipe)$/, () => "erased the lost device remotely"],
  [
    /^(?:revoke|expire|kill|terminate|sign)$/,
    (o) => (o === "the existing sign-ins" ? "signed the account out everywhere" : `cancelled ${o}`),
  ],
  [/^(?:delete|remove|uninstall|unjoin|detach|purge|unassign)$/, (o) => `removed ${o}`],
  [
    /^(?:issue|reissue|generate|create|provision|reprovision|set|setup|configure|build|add|enroll|register)$/,
    (o) => (o === "access" ? "restored access" : `set up ${o}`),
  ],
  [
    /^(?:grant|assign|share|allow|unblock|whitelist|allow-list|exclude|approve|enable|activate|unlock|reactivate)$/,
    (o) =>
      o === "access" ? "restored access" : o === "the account" ? "unlocked the account" : `re-enabled ${o}`,
  ],
  [/^(?:reset|rotate|renew|replace|swap|change|rekey)$/, (o) => `replaced ${o}`],
  [
    /^(?:roll|revert|rollback|downgrade|undo)$/,
    (o) =>
      o === "the update" ? "reversed the recent update" : `reversed the change to ${o.replace(/^the /, "")}`,
  ],
  [
    /^(?:install|reinstall|update|upgrade|patch|deploy|push|apply)$/,
    (o) => (o === "the update" ? "installed the corrected update" : `updated ${o}`),
  ],
  [
    /^(?:restore|recover|rebuild|recreate|repair|fix|correct|adjust|reconfigure|edit|modify|rescope|rebind|bind|link|map|move|migrate)$/,
    (o) => `corrected ${o}`,
  ],
  [
    /^(?:block|quarantine|isolate|secure|lock|suspend|disable|harden|tighten)$/,
    (o) => (o === "the account" || o === "the mailbox" ? "secured the account" : `secured ${o}`),
  ],
  [
    /^(?:extend|increase|expand|bump|raise|resize|free|clear|shrink|truncate)$/,
    (o) => (o === "the storage" ? "freed up space" : `adjusted ${o}`),
  ],
  [/^(?:request|order)$/, (o) => `requested ${o.replace(/^the /, "a new ")}`],
  [/^(?:submit|raise)$/, () => "submitted the change needed"],
];

/** Generic verbs whose object names the action: "remote wipe sent", "ran the reset". */
const GENERIC = new Set(["send", "run", "do", "kick", "start", "trigger", "push", "fire", "queue"]);
const ACTION_NOUNS: Array<[RegExp, string]> = [
  [/\bwipe\b/i, "wipe"],
  [/\breset\b/i, "reset"],
  [/\brestore\b/i, "restore"],
  [/\bupdate\b/i, "update"],
  [/\brevoke\w*/i, "revoke"],
];

const STOP =
  /^(?:on|in|from|to|for|via|with|at|by|so|because|then|and|but|after|before|while|until|using|through|as|back|since)$/;

function objectWords(words: readonly string[], v: VerbUse): string {
  if (v.leading || v.subject) {
    const after: string[] = [];
    for (let i = v.index + 1; i < words.length && after.length < 6; i++) {
      if (STOP.test(words[i]!) && after.length > 0) break;
      if (!STOP.test(words[i]!)) after.push(words[i]!);
    }
    return after.join(" ");
  }
  // "old iPhone's Authenticator method deleted": the object comes first.
  return words.slice(Math.max(0, v.index - 4), v.index).join(" ");
}

function objectKind(text: string): string | null {
  for (const [re, plain] of OBJECTS) if (re.test(text)) return plain;
  return null;
}

/** Every change in a statement said plainly, in order. */
export function plainActionsIn(statement: string): string[] {
  const out: string[] = [];
  // A clause at a time: "TAP issued, 60 min" / "X deleted in Entra ID, Y sent".
  for (const part of statement.split(/[,;:]\s+|\s+[-—–]\s+|\band\b/)) {
    const clause = readClause(part);
    for (const v of clause.verbs) {
      if (v.negated || v.future || v.purpose || v.ability) continue;
      if (!(v.form === "past" || v.form === "participle" || v.progressive)) continue;
      const object = objectWords(clause.words, v);
      let infinitive = v.infinitive.replace(/^re-?(?=[a-z]{4})/, "");
      if (GENERIC.has(infinitive)) {
        const action = ACTION_NOUNS.find(([re]) => re.test(object));
        if (!action) continue;
        infinitive = action[1];
      }
      const verb = VERBS.find(([re]) => re.test(infinitive) || re.test(v.infinitive));
      if (!verb) continue;
      const kind = objectKind(object) ?? (infinitive === "wipe" ? "the device" : null);
      if (!kind) continue;
      out.push(verb[1](kind));
      break;
    }
  }
  return out;
}

/** The distinct plain actions among facts, oldest first, at most `limit`. */
export function plainActions(facts: readonly Fact[], limit: number): string[] {
  const out: string[] = [];
  for (const f of facts) {
    for (const action of plainActionsIn(f.text)) {
      if (!out.includes(action)) out.push(action);
    }
  }
  return out.slice(0, limit);
}
