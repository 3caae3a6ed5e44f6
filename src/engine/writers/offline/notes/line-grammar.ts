import { opensOnDeed, reportsNoSuccess } from "../../../account/attempt-result.ts";
import { quotesReply, quotesWords } from "../../../account/to-client.ts";
import { analyzeVerb } from "../../../context/roles/verbs.ts";
import type { NoteKind, NoteLine } from "./note-lines.ts";
import { startsUnderWay } from "./under-way.ts";

const AS_DONE = new Set<NoteKind>(["done", "change", "verification", "reverted", "failed"]);
/** Headings that claim the work as ours: a failure someone reports ("tomasz says aisle 14 still getting kicked") is still a result. */
const OUR_WORK = new Set<NoteKind>(["done", "change", "reverted", "under_way"]);
/** "First instinct: put dmarc back": an idea had, not work done. */
const IDEA = /^(?:(?:first|my|initial)\s+)?(?:instinct|thought|idea|guess|hunch)\b/i;
const ROLLBACK =
  /\b(?:roll(?:ed|ing)?\b.{0,40}\bback|revert(?:ed|ing)?|undid|undo(?:ne)?|back(?:ed)? out|put\b.{0,30}\bback|uninstall(?:ed|ing)?|restor(?:e|ed|ing)|downgrad(?:e|ed|ing))\b/i;
const FAILED_CHECK =
  /\b(?:yet|didn'?t|did not|doesn'?t|does not|won'?t|isn'?t|wasn'?t|still (?:fail\w*|not|no|broken|down|erroring)|fail(?:s|ed|ing)|nothing (?:received|arrived|came through))\b/i;
/** An open hypothesis is hedged or asked: "could be an ipad", "prob the firewall", "double NAT?". */
const HEDGED =
  /\b(?:could|might|may|maybe|prob|probably|possibly|perhaps|likely|suspect\w*|think|thinking|guess|wonder\w*|bet|theory|smells|looks like|seems|not sure|unsure|no idea|don'?t know|dont know)\b|\?/i;
/** What a check that worked reports: "works again", "test page fine", "5 of 9 done", "synced 13:59". */
const CHECKED_OK =
  /\b(?:works?|working|worked|fine|ok|okay|success\w*|succeeded|confirm\w*|tested|print(?:s|ed|ing)|opens?|opened|loads?|loaded|maps|connect(?:s|ed)|synced|back (?:up|online|to normal)|again|now|resolved|fixed|sorted|green|clean|no (?:drops|errors|more|issues|complaints)|\d+\s*(?:of|\/)\s*\d+)\b/i;
/** "Declan asks if jane can work from a spare pc": a question put to us, not a check. */
const ASKED = /\b(?:asks?|asked|asking|wants?|wondering)\b/i;
const LATER =
  /\b(?:tonight|tomorrow|later today|this afternoon|this evening|after lunch|first thing|in the morning|once it finishes|when it finishes)\b/i;
const FOLLOW_UP =
  /^\W*(?:(?:then|and|so)\s+)?(?:chas(?:e|ing)|follow(?:ing)? up|check(?:ing)? (?:back|again|in)|recheck\w*|revisit\w*)\b/i;
const PLAN_WORDS =
  /\b(?:was going to|were going to|going to|gonna|was about to|planned to|meant to|will|i'?ll)\b/i;
const SAYS_THEY_WILL =
  /\b(?:says|said|reckons|promised)\s+(?:that\s+)?(?:he|she|they)(?:'ll|ll|\s+will|\s+would|'d|\s+is going to|\s+are going to)\b/i;
const SCHEDULED =
  /\b(?:booked|scheduled|pencil+ed(?: in)?|arranged)\s+(?:in\s+)?(?:for|at)\b[^.;]*?\b(?:tonight|tomorrow|today|later|\d{1,2}(?::\d{2}|\s?[ap]m)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (?:evening|afternoon|weekend))\b/i;
const FUTURE = /^(?:i'?ll|i will|we'?ll|we will|will|going to|gonna|i'?m going to)\b/i;

/** "Scans: told lorraine …": a short label before the line's own words. */
const LABEL = /^[^:'"]{1,20}:\s+(?=\S)/;
/** "Told him we're on it", "Updated Jonah: …", "let Paula know": the engineer telling someone how things stand. */
const TOLD =
  /^\W*(?:(?:also|then|so|just|and|meanwhile|i|i'?ve|we|we'?ve|have)\s+)*(?:(?:told|updated|let)\s+(?!the (?:vendor|support)|support\b|@|(?:the(?! client)|a|an|its|their|our|my|this|that|these|those|all|every|each|both)\b)(?:him|her|them|the client|[a-z][\w'-]*)\b|(?:wrote|sent|put|posted|emailed)\s+(?:the |a |my )?(?:request|note|message|email|ask|question|details|summary)\s+to\s+[a-z][\w'-]*)/i;

/** "rang deborah: jenny to stop using the pc": what was said on a call ("Sent: '…'" is quoted words). */
const SAID_ON_CALL = /^\W*(?:rang|called|phoned)\s+[a-z]+\s*:/i;

/**
 * "Not doing cloud resets", "A reset wont shorten a path. Not resetting", "Not going to chase each one", "can't buy it on
 * their behalf without approval", "IR's call": the engineer holding back from
 * a step, not a cause ruled out.
 */
const DECLINED_STEP =
  /(?:^|[.!;]\s+|\s[-–—]\s+)\W*(?:(?:so|and|but|yeah|ok|also|obviously|no|nope|nah)[,\s]+)*(?:(?:i'?m|we'?re|i am|we are)\s+)?(?:not|never)\s+(?:going to\s+|gonna\s+|just\s+)?(?!(?:working|loading|printing|syncing|connecting|showing|matching|coming|happening|helping|responding|starting|running|sending|receiving|getting|seeing|finding|doing anything)\b)[a-z]+ing\b/i;
const REGRET = /\bshould(?:n'?t| not)\s+have\b/i;
const DECLINED_OBJECT =
  /\bnot (?:gonna|going to) [a-z]+|\bnot (?:running|doing|touching|changing|deleting|resetting|releasing|removing|rebooting) (?:that|this|it|them|those|anything|the|a|any)\b|^\W*(?:no chance|no way|not an option)\b/i;
const CANNOT_YET =
  /\b(?:can'?t|cannot|won'?t)\s+(?:just\s+)?[a-z]+\b.{0,60}\b(?:without|myself|on (?:their|his|her|the client'?s) behalf|from here|until|till?|til+|yet)\b/i;
const SOMEONE_ELSES_CALL =
  /\b(?:not my call|(?:his|her|their|[A-Za-z]+'s) call|(?:not|isn'?t|aren'?t) (?:comfortable|happy|keen|willing)|(?:doesn'?t|don'?t) want to)\b|\bnot (?:today|now|for now|tonight)\W*$/i;

/** "no chance", "cant, its the EHR db server", "not releasing it": an answer turning a proposal down. */
const REFUSAL =
  /^\W*(?:no(?: chance| way)?|nope|nah|hard no|absolutely not|can'?t|cannot|won'?t|not (?:now|yet|today|happening|a chance))\b/i;
const NOT_DOING = /\bnot (?:changing|touching|doing|releasing|running|going to|risking)\b/i;

/**
 * "No need - …", "Absolutely not.", "tempting but …": a flat no that opens a reply to advice. Narrower than
 * REFUSAL, as it is read without the advice beside it ("no errors in the log" is a result, not a no).
 */
const ADVICE_REFUSED =
  /^\W*(?:no need|absolutely not|definitely not|nah|nope|no way|no chance|not a fix|not needed|not worth it|no thanks|tempting,? but|(?:i'?d )?rather not|not doing that|properly or not at all)\b|^\W*no\.\s/i;
export const turnsDownAdvice = (text: string): boolean => ADVICE_REFUSED.test(text);

/** A step held back or a proposal turned down, in the engineer's words. */
export function declinesStep(text: string): boolean {
  return (
    DECLINED_STEP.test(text) ||
    DECLINED_OBJECT.test(text) ||
    CANNOT_YET.test(text) ||
    SOMEONE_ELSES_CALL.test(text) ||
    REFUSAL.test(text) ||
    NOT_DOING.test(text)
  );
}

/** "Was going to delete the account outright - actually no, scratch that": a plan taken back in the same breath. */
const TAKEN_BACK =
  /\b(?:scratch that|actually no|actually,? not|ignore that|never ?mind|nvm|disregard that|on second thought)\b/i;

export const takesBack = (text: string): boolean => TAKEN_BACK.test(text);

/** "linda: 'a BT engineer came …'", "Kate (office mgr) says …": what someone else reports, not work of ours. */
const REPORTED_BY =
  /^\W*(?!(?:i|note|notes|update|result|results|test|status|fyi|edit|plan|next|todo|ok|error|log|logs|output|ps|aside|also|then|so|me|us|we)\b)[a-z]+(?:\s+\([^)]{1,30}\))?\s*(?::\s*['"‘“]|\s(?:says|said|reports|reported|mentioned|thinks|confirms|confirmed)\b)/i;
/** "Agency added servers.mcsv.net", "Graham loaded a job onto the machine": a deed of someone else's. */
const THEIR_DEED =
  /^\W*(?:[Ss]o\s+)?(?:[Tt]he\s+)?([Ss]he'?s|[Hh]e'?s|[Tt]hey'?ve|[Ss]he|[Hh]e|[Tt]hey|[Ss]omeone|agency|isp|vendor|client|user|users|staff|[A-Z][a-z]+)\s+([a-z]+)\b/;
/** "Found a forwarding rule …", "Noticed …": a discovery, not a step taken. */
const DISCOVERY = /^\W*(?:also\s+)?(?:found|noticed|spotted|saw|realised|realized|figured)\b/i;
/** "Real fix: expand OS disk …": the fix still to be made. */
const FIX_TO_MAKE = /^\W*(?:real|proper|permanent|long[- ]term|actual)\s+fix\s*[:\-—–]/i;

/** "Started 'last week or so'", "Started 09:40": when the trouble began, not a step. */
const ONSET =
  /^\W*(?:it\s+)?started\s+(?:['"‘“]|\d{1,2}(?:[:.]\d{2})?\b|yesterday|last|about|around|this|on|at|after|since|before)/i;

function theirDeed(text: string): boolean {
  const m = THEIR_DEED.exec(text);
  if (!m || analyzeVerb(m[1]!.toLowerCase())) return false;
  const verb = analyzeVerb(m[2]!);
  return verb !== null && (verb.form === "past" || verb.form === "participle" || m[1]!.includes("'"));
}

const DONE_TAIL =
  /(?<!(?:'s|\bis|\bare|\bbe|\bbeen|\bwas|\bwere|\bget|\bgot|\bgets|\bwhos|\bwho's)\s)\b(?:done|completed|finished)(?:\s+(?:at\s+)?\d{1,2}[:.]\d{2})?\W*$/i;
const CHANGE_COMMAND =
  /^\W*(?:(?:Set|Add|Remove|Enable|Disable|Restart|Stop|Start|New|Grant|Revoke|Reset|Unlock|Update|Install|Uninstall)-\w+|logoff|logout|rwinsta|reset session|shutdown|net (?:stop|start|user))\b/i;

const REFUSED_COMMAND =
  /->\s*['"‘“][^'"’”]*\b(?:locked|error|denied|failed|cannot|can'?t|not (?:found|allowed|permitted|supported)|refused|invalid)\b/i;
const BOOKKEEPING =
  /\b(?:raised|opened|logged|created|submitted)\b.{0,30}\b(?:case|ticket|sr|incident|chg-?\d+|change request)\b|\b(?:case|ticket)\b.{0,20}\b(?:raised|opened|logged)\b/i;
const STATE_SEEN =
  /\b(?:last modified|modified \d|modified (?:on|at|in)|present|exists?|already|unchanged|untouched|as expected|still (?:set|on|there))\b/i;

const STEP_TAKEN =
  /^\W*(?:(?:also|then|so|and|just)\s+)?(?:opened|ran|re-?ran|uploaded|downloaded|collected|exported|pulled|reviewed|compared|searched|traced|captured|remoted (?:in|into|to)|rdp'?d|ssh'?d|raised|escalated|submitted|filed|requested)\b/i;
const LOOKED = /^\W*(?:checked|verified|confirmed|looked|tested|reviewed|compared)\b/i;

/** A command that only reads: Get-*, Test-*, lmstat, nslookup, dig, ping. */
const READ_ONLY =
  /^\W*(?:[^:]{1,20}:\s*)?(?:Get-|Test-|Resolve-|Measure-|lmstat|nslookup|dig|ping|tracert|traceroute|mtr|whoami|ipconfig|netstat|Show-)/i;

/** Verbs that change a client's system when they open a line: "Resized …", "Re-granted …", "Cleared …". */
const CHANGE_VERB =
  /^[^\w'"‘“]*(?:re-?)?(?:added|removed|granted|assigned|unassigned|resized|extended|expanded|increased|cleared|deleted|disabled|enabled|reset|replaced|swapped|installed|uninstalled|updated|upgraded|changed|moved|created|converted|copied|purchased|bought|renewed|restored|rebooted|restarted|stopped|blocked|unblocked|revoked|released|rolled back|reverted|patched|applied|published|configured|turned (?:on|off)|excluded|whitelisted|allowlisted|migrated|rebuilt|reindexed|remapped|relinked|re-?registered|rotated|shrunk|shrank|set)\b/i;

/** "removed by joe", "changed by the client": someone else's deed; not "identify by sender IP", "by hand", "by default". */
const SOMEONE_ELSE_DID =
  /(?<!\b(?:identif\w*|sort\w*|filter\w*|group\w*|order\w*|match\w*|scop\w*|restrict\w*|authenticat\w*|key\w*|indexed)\s)\bby (?!us\b|me\b|hand\b|rmm\b|script\b|gpo\b|policy\b|default\b|sender\b|ip\b|name\b|date\b|size\b|\d)[a-z][\w.@-]*/i;

function ourChange(text: string, ruleSaysChange: boolean): boolean {
  const own = text.replace(LABEL, "");
  return (
    (CHANGE_VERB.test(own) || (ruleSaysChange && opensOnDeed(own))) &&
    !SOMEONE_ELSE_DID.test(text) &&
    !DISCOVERY.test(own) &&
    !REPORTED_BY.test(text) &&
    !theirDeed(text) &&
    !/\b(?:already|still|unchanged|no changes?|not changed)\b/i.test(text)
  );
}

/** Words to the client or anyone else: the line reports what they were told. */
export function tellsSomeone(text: string): boolean {
  return (
    quotesWords(text) || SAID_ON_CALL.test(text) || TOLD.test(text) || TOLD.test(text.replace(LABEL, ""))
  );
}

/**
 * A line rules something out only in words that say so: a negation, a clean
 * state or "ruled out". "So the whole company can read AND write payroll" is
 * what was found, however the reader filed it.
 */
const SAYS_NOT_IT =
  /\b(?:not|isn'?t|isnt|wasn'?t|wasnt|aren'?t|arent|never|nor)\s+(?:(?:the|a|an|it|that|this|our|their|his|her|my|any|related|to blame|caused|causing|on|in|from|at|dns|dhcp|wifi|the \w+)\b|\w+(?:'s)?\s+(?:fault|problem|issue|thing|side|end)\b)|\b(?:ruled out|rule[sd]? (?:it |that |this )?out|red herring|irrelevant|unrelated|nothing wrong|no (?:issues?|problems?|errors?|faults?|change)|neither|none of|fine|ok|okay|clean|healthy|normal|good|works?|working|unchanged|untouched|passe[sd]|match(?:es|ed)?|correct|valid|same as|nope|nah)\b|\b(?:doesn'?t|didn'?t|doesnt|didnt|can'?t|cant|won'?t|wont|shouldn'?t|shouldnt)\s+(?:explain|matter|apply|affect|change)\b|\bnot\s+(?!\w+ed\b)(?:[\w-]+\s+){0,2}[\w-]+\W*$/i;

/**
 * What the words say of a line placed by what the statement reader made of
 * it: a question ("Shrink?") reports nothing done, a future ("I'll be on
 * remote till 8:30") is a plan, work in the -ing form is under way, a step
 * tried without success says what failed, a step held back ("not touching
 * the connector myself") is not a cause ruled out, and what someone told us
 * or was told is not our work.
 */
export function kindByGrammar(line: NoteLine): NoteKind {
  const text = line.text.trim();
  if (line.kind === "problem" || line.kind === "wait") return line.kind;
  if (line.author === "engineer" && tellsSomeone(text)) return "contact";
  // A reply quoted as it came is contact, unless it is the check of a change ("Paula: 'Sage is opening again'").
  if (line.author === "engineer" && line.kind !== "verification" && quotesReply(text)) return "contact";
  // "not touching CA. excluding 23 users … is worse", "not rolling back firmware on a hunch": held back, wherever the reader put it.
  if (
    line.kind !== "held" &&
    line.kind !== "ruled_out" &&
    (DECLINED_STEP.test(text) || DECLINED_OBJECT.test(text))
  )
    return "held";
  // "Reset pw to a random one, not recording it anywhere": a change with a "not" in it is still a change.
  if (line.kind === "ruled_out" && ourChange(text, line.change === true)) return "change";
  // "Client: and the Scan to Me button works too": what the client reports, not a cause we ruled out.
  if (line.kind === "ruled_out" && line.author === "client") return "finding";
  // "not yet - if i change the scope now …": a step held back, not a cause ruled out.
  if (line.kind === "ruled_out" && /^\W*(?:not yet|not now|not today|not till|not until)\b/i.test(text))
    return "held";
  // "ugh shouldnt have pasted that in here": a regret about a step, not a cause ruled out.
  if (line.kind === "ruled_out" && REGRET.test(text)) return "finding";
  if (line.kind === "ruled_out")
    return DECLINED_STEP.test(text) ||
      DECLINED_OBJECT.test(text) ||
      CANNOT_YET.test(text) ||
      SOMEONE_ELSES_CALL.test(text)
      ? "held"
      : SAYS_NOT_IT.test(text)
        ? "ruled_out"
        : "finding";
  // "was going to force a pw reset now - actually scratch that": a plan taken back is a step not done.
  if (TAKEN_BACK.test(text) && (line.kind === "planned" || PLAN_WORDS.test(text))) return "held";
  // "rhys says hell set the min OS there this week": someone else's promise is a step still to come.
  if ((line.kind === "finding" || AS_DONE.has(line.kind)) && SAYS_THEY_WILL.test(text)) return "planned";
  // "if jess says yes -> reset + revoke sessions": a step that hangs on an answer is still to do.
  if ((line.kind === "finding" || AS_DONE.has(line.kind)) && /^\W*if\b/i.test(text)) return "planned";
  // "candidates: D:\ISO (38GB …) and D:\Old\…vhdx": options listed, nothing done to them.
  if (AS_DONE.has(line.kind) && /^\W*(?:candidates|options|choices|possibilities)\s*:/i.test(text))
    return "finding";
  // "key rotation + cmdkey update booked for 19:00 tonight": booked, so still to do.
  if ((line.kind === "finding" || AS_DONE.has(line.kind)) && SCHEDULED.test(text) && !opensOnDeed(text))
    return "planned";
  if (line.kind === "open_hypothesis") return HEDGED.test(text) ? "open_hypothesis" : "finding";
  // "Logoff 14 /server:KHH-RDS01 done 11:31", "Restart-Service SQLWriter done": a command reported done.
  if (line.kind === "finding" && DONE_TAIL.test(text) && !FUTURE.test(text))
    return CHANGE_COMMAND.test(text) ? "change" : "done";
  // "Update-MgUser … -PasswordPolicies DisablePasswordExpiration": a command that changes something, run.
  if (line.kind === "finding" && CHANGE_COMMAND.test(text) && !REFUSED_COMMAND.test(text)) return "change";
  // "Opened SR 184522907, uploaded tsr log", "Ran manage-bde …": a step we took, not something found.
  if (line.kind === "finding" && STEP_TAKEN.test(text.replace(LABEL, "")) && !/->|=|\s[-–—]\s|:\s/.test(text))
    return "done";
  // "Portal: resized data01 to 256GB", "Stopped the spooler, cleared PRINTERS": a change of ours, whatever the reader filed it as.
  if ((line.kind === "finding" || line.kind === "done") && ourChange(text, line.change === true))
    return "change";
  if (line.kind === "change" || line.kind === "done") {
    // "Set-SPOSite … -LockState Unlock -> 'The site is locked for compliance reasons'": refused, nothing changed.
    if (REFUSED_COMMAND.test(text)) return "failed";
    // "Checked CA - account excluded from the MFA policy": a look, not a change.
    if (line.kind === "change" && LOOKED.test(text)) return "done";
    // "Raised the MS case", "logged CHG-3381": bookkeeping, not a change to their systems.
    if (line.kind === "change" && BOOKKEEPING.test(text)) return "done";
    // "CA policy 'CA03' last modified nov", "DKIM enabled, selector cnames present": a state seen, not set.
    if (
      line.kind === "change" &&
      STATE_SEEN.test(text) &&
      !CHANGE_VERB.test(text.replace(LABEL, "")) &&
      !opensOnDeed(text)
    )
      return "finding";
  }
  // "Get-MailboxPermission dfrost -> gareth FullAccess": a read, whatever it shows.
  if ((line.kind === "change" || line.kind === "done") && READ_ONLY.test(text)) return "finding";
  // "will check back at 19:00", "chasing marcus at 13:00 if nothing before": a step still to take, not a finding.
  if (line.kind === "finding" && (FUTURE.test(text) || FOLLOW_UP.test(text))) return "planned";
  if (!AS_DONE.has(line.kind)) return line.kind;
  if (/\?\s*$/.test(text) || IDEA.test(text)) return "finding";
  if (FUTURE.test(text)) return "planned";
  // "Back to check it finishes, then raj checks the copy, then the job rerun tonight": steps still ahead.
  if (line.kind === "done" && LATER.test(text) && !opensOnDeed(text)) return "planned";
  if (FIX_TO_MAKE.test(text)) return "planned";
  if (
    OUR_WORK.has(line.kind) &&
    (REPORTED_BY.test(text) || ONSET.test(text) || DISCOVERY.test(text) || theirDeed(text))
  )
    return "finding";
  // A rollback says what it undid; without such words the reading is doubtful and the line is listed as what it reports.
  if (line.kind === "reverted" && !ROLLBACK.test(text)) return "finding";
  // "Test scan - didn't arrive": a check that failed verifies nothing.
  if (line.kind === "verification" && (FAILED_CHECK.test(text) || ASKED.test(text) || !CHECKED_OK.test(text)))
    return SOMEONE_ELSES_CALL.test(text) ? "held" : "finding";
  // "Kiran sent the form at 12:50", "Reset pw to a random one, not recorded anywhere": no failure said, nothing failed.
  if (line.kind === "failed")
    return reportsNoSuccess(text) ? "failed" : opensOnDeed(text) ? "done" : "finding";
  return startsUnderWay(text) ? "under_way" : line.kind;
}
