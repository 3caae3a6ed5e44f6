/**
 * Who an update is for, as phrases in the normalised clause form (lower case,
 * single spaces, padded). Single words come from the vocabulary; the phrases
 * here add the senses a word alone does not carry ("vpn client" is software,
 * "their it contact" is a person at the client).
 */
import { alt } from "./lexicon.ts";
import { VOCABULARY } from "./vocabulary.ts";

const words = (list: readonly string[]) => alt(...list.filter((w) => w !== "_name_"));

/** Software and machines called "client" or "user": never a reader. */
const NOT_A_PERSON_AFTER =
  "(?! (?:machine|machines|pc|pcs|laptop|laptops|side|software|app|application|certificate|cert|id|secret|install|config|settings|profile|profiles|account|accounts|folder|mailbox|license|licenses|vpn|portal login|area|group|groups|object|objects|rights|permissions|is (?:on|running|installed|updated|patched)|was (?:installed|updated)))";
const SOFTWARE_BEFORE =
  "(?<! (?:vpn|outlook|mail|email|teams|sync|backup|agent|rdp|ssh|sql|dns|dhcp|web|thin|fat|rmm|av) )";

/** "users can log in again", "the client said": a person at the client as the subject of news, not the reader. */
const SUBJECT_OF_NEWS =
  "(?! (?:(?:can|could|cannot)(?! (?:read|understand|follow|digest|use|forward|share|see))|is|are|was|were|has|have|had|keeps|kept|said|says|reported|confirmed|s|still|got|just(?! (?:wants|needs|asked for))|now|no longer|seem|seems)\\b)";

export const CLIENT_READER = new RegExp(
  `${SOFTWARE_BEFORE} (?:${words(VOCABULARY.client)}|_name_|end users?|it (?:contact|guy|person|lead|team|manager|dept|department)|office manager|practice manager|site contact|point of contact|poc|business owner|management|leadership|people at|folks at|the business|their (?:boss|manager|team|staff|people|it)|front desk|receptionist|cfo|ceo|coo|director|partner|partners|requester|caller|boss at)${NOT_A_PERSON_AFTER}${SUBJECT_OF_NEWS}(?= )`,
  "g",
);

export const TICKET_PLACE = new RegExp(
  ` (?:${words(VOCABULARY.ticket)}|time entry|ticket notes?|internal notes?|handoff note|handover note|case notes?|the record|for the record|documentation|our notes|my notes|log it|logging)(?= )`,
  "g",
);

export const INTERNAL_PEOPLE =
  "(?:the |our |my |a )?(?:(?:tier|level|t|l) ?(?:1|2|3|one|two|three|ii|iii)(?: team| techs?| engineers?| folks| support)?|(?:second|third|2nd|3rd) line(?: team| support)?|specialists?|vendor|isp|noc|soc|oncall|on call(?: tech)?|escalation team|network team|security team|infra team|infrastructure team|project team|sysadmin team|senior (?:tech|engineer)s?|next (?:shift|tech|engineer)|night shift|day shift|dispatch|service desk|help ?desk|team|techs|engineering|colleagues?)";

/**
 * Internal readers as the update's recipient ("for tier 3", "brief the next
 * shift", "the noc needs ..."), not as where the work goes ("bumping this to
 * the network team"): a handoff alone leaves the audience open.
 */
export const INTERNAL_READER = new RegExp(
  `(?: (?:for|tell|brief|ping|inform|update|loop in|notify|so) ${INTERNAL_PEOPLE}| ${INTERNAL_PEOPLE} (?:needs?|wants?|will (?:need|want)|should know|knows?|can read|to read))(?= )`,
  "g",
);

/** Internal readers and vendors anywhere: what a later "them" may point back to. */
export const INTERNAL_PARTY = new RegExp(
  ` (?:${INTERNAL_PEOPLE.replace("(?:the |our |my |a )?", "")}|microsoft|ms|premier support|carrier|manufacturer|oem)(?= )`,
  "g",
);

export const PRONOUN = / (?:them|him|her|they)(?= )/g;

/** An email as the thing to write ("draft an email", "email the client"), not the subject ("her email is bouncing"). */
export const EMAIL_DELIVERABLE = new RegExp(
  `(?<! (?:their|her|his|its|your|our|shared|whose|from|in|the users)) (?:${words(VOCABULARY.email)}|e mail|email draft)(?! (?:is|was|are|were|has|have|had|flow|flows|flowing|delivery|deliveries|server|servers|issue|issues|problem|problems|bouncing|bounce|bounces|address|addresses|account|accounts|sync|settings|rules?|box|boxes|outage|not|client|app|signature|security|filter|filtering|gateway|queue|headers?|traffic|routing|relay|domain|protection|migration|access|quarantine|ticket|alert|alerts|forwarding|loop|from|came in|chain|thread)\\b)`,
);
