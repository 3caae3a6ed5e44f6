/**
 * The cue lexicon that sorts what an engineer wrote into the parts of a status
 * update. Each statement (a sentence of an engineer message) gets one kind;
 * a diagnosis or ruled-out cue also yields the phrase that names the cause or
 * the thing ruled out.
 */

export type StatementKind =
  | "diagnosis"
  | "ruled_out"
  | "in_progress"
  | "next"
  | "fix_applied"
  | "verified"
  | "step"
  | "symptom"
  | "chatter";

const DIAGNOSIS =
  /\b(?:found (?:it|the (?:issue|cause|problem|culprit))|root[- ]cause|(?:the|a) (?:likely |probable |actual )?cause (?:is|was|seems|appears)|caused by|(?:is|are|was|were) (?:what'?s |what is )?causing|culprit|that'?s (?:the|our) (?:issue|problem|cause|culprit|reason)|that'?s why|turns out|(?:is|are|was|were) (?:likely|probably|definitely|clearly) (?:the cause|causing|blocking|preventing|breaking|the reason|why|the issue|the problem)|(?:likely|probably) (?:blocking|causing|preventing|breaking|the cause|the culprit|what'?s)|appears? to be (?:the )?(?:cause|causing|blocking|preventing|the issue|the problem)|identified the (?:cause|issue|problem)|(?:the )?(?:issue|problem) (?:is|was) (?:that|caused)|narrowed (?:it )?down to|traced (?:it|the \w+) (?:back )?to|pinned (?:it )?down|it'?s (?:the|a|an|their|our) [\w' -]{0,60}?\b(?:blocking|causing|preventing|breaking|killing|filling)\b)\b/i;

/** The diagnosis cue at the start of a message, dropped from the diagnosis text. */
export const DIAGNOSIS_LEAD =
  /^(?:ok(?:ay)?[,!]?\s+)?(?:found it|got it|bingo|aha|(?:likely |probable |root )?cause|diagnosis|culprit)\s*[:!.\-—–]+\s*/i;

/** Sentences that only point back at the previous one: "That's the root cause." */
export const DIAGNOSIS_POINTER =
  /^(?:that'?s|this is|which is|so that'?s|it'?s) (?:the|our) (?:root cause|cause|culprit|issue|problem)[.!]?$/i;

const RULED_OUT =
  /\b(?:ruled? out|ruling out|rule out|eliminat(?:ed|es) |not (?:the|an?) (?:issue|cause|problem|culprit)|so (?:it'?s |its )?not (?:a |an |the )?|isn'?t (?:the|an?) (?:issue|cause|problem)|not related|no (?:issues?|problems?) (?:with|found|there)|(?:looks?|is|are|seems?) (?:fine|good|ok|okay|normal|healthy|clean)\b|can cross off)/i;

/** "Ruled out X" / "so not X" / "X is fine": captures X. */
const RULED_OUT_OBJECT = [
  /\bruled? out\s*[:\-—]?\s*(?:any |the )?(.+)$/i,
  /\b(?:rule out|ruling out|eliminated|can cross off)\s+(?:any |the )?(.+)$/i,
  /\bso (?:it'?s |its )?not (?:a |an |the )?(.+)$/i,
  /^(.+?) (?:is|are|was|were) not (?:the|an?) (?:issue|cause|problem|culprit)\b/i,
  /^(.+?) (?:isn'?t|aren'?t|wasn'?t) (?:the|an?) (?:issue|cause|problem|culprit)\b/i,
  /^no (?:issues?|problems?) with (.+)$/i,
  /^(.+?) (?:looks?|is|are|seems?) (?:fine|good|ok|okay|normal|healthy|clean)\b/i,
];

const NEXT_LEAD =
  /^(?:next(?: steps?)?|then|plan|todo|to do|after that|afterwards|follow[- ]up|pending)\b\s*[:\-—–,]?\s*|^(?:i'?ll|we'?ll|i will|we will|going to|gonna|need to|needs to|have to|plan to|planning to|want to|about to|will)\b\s*/i;
const NEXT_ANYWHERE =
  /\b(?:next step|next,|will (?!not)\w+|going to|need to|needs to|waiting (?:for|on) (?:the )?(?:client|customer|user|approval|vendor|isp|carrier|them|callback|confirmation))/i;

const PROGRESS_VERB =
  "(?:apply|implement|deploy|roll|push|import|install|reinstall|rebind|bind|replac|renew|restor|rebuild|migrat|reconfigur|configur|updat|upgrad|patch|chang|modify|modif|reset|re-?enroll|recreat|reissu|re-?issu|remov|rescop|re-?scop|swap|reimag|re-?imag|run|rolling|sync|propagat|replicat|copy|copying|fix|correct|adjust|edit|rotat|shrink|truncat|expand|extend|free|clean|purg|rebuild)";
const IN_PROGRESS = new RegExp(
  `(?:\\b${PROGRESS_VERB}\\w*ing\\b[^.]*\\b(?:now|currently|at the moment|as we speak|in progress)\\b|\\b(?:now|currently|in the middle of|in process of|in the process of) ${PROGRESS_VERB}\\w*ing\\b|\\b(?:i'?m|we'?re|i am|we are|am|is|are) (?:now )?${PROGRESS_VERB}\\w*ing\\b|\\bin progress\\b|\\b(?:waiting|wait) (?:for|on)\\b[^.]{0,80}?\\b(?:to (?:propagate|sync|replicate|apply|finish|complete|take effect|run out|expire|clear)|propagation|ttl)\\b|\\b(?:is|are) (?:propagating|syncing|replicating|rebuilding|restoring|installing|applying|deploying|rolling out)\\b|^${PROGRESS_VERB}\\w*ing\\b)`,
  "i",
);

const FIX_APPLIED =
  /(?:^|\band |\bthen )(?:(?:i|we)(?: have|'ve)? )?(?:re-?enabled|added|rotated|suspended|excluded|renamed|shrank|shrunk|truncated|extended|expanded|freed|purged|changed|updated|modified|replaced|renewed|applied|installed|reinstalled|re-?bound|rebound|reconfigured|fixed|corrected|re-?scoped|rescoped|disabled|enabled|removed|deleted|restored|reset|rebuilt|recreated|re-?issued|re-?enrolled|patched|rolled back|reverted|cleared|flushed|unblocked|whitelisted|allow-?listed|granted|assigned|re-?imported|imported|swapped|re-?imaged|reimaged|adjusted|set)\b/i;

const VERIFIED =
  /\b(?:(?:testing|verifying|validating|confirming|monitoring|checking)\b[^.]{0,60}\b(?:now|currently)\b|(?:still|now) (?:testing|verifying|validating|monitoring|checking|watching)\b|(?:loads|resolves|works|connects|prints|sends|syncs|boots|booted) (?:fine|again|now|ok|correctly|clean)\b|confirmed (?:it'?s |it is |that it'?s |that )?(?:working|fixed|resolved|back|good)|(?:is|are|it'?s) (?:working|back up|back online|flowing|resumed)(?: again| now)?\b|(?:mail|email|delivery|printing|access|login|sign-?in|connection|vpn)s? (?:is |are )?(?:working|flowing|back|resumed)|verified (?:it'?s |it is |that )?(?:working|fixed|resolved))/i;

const STEP =
  /^(?:(?:i|we)(?: have|'ve)? (?:also |then |just |already )?)?(?:verified|checked|ran|run|reviewed|tested|confirmed|looked|pinged|traced|inspected|examined|compared|searched|queried|logged|connected|remoted|opened|pulled|exported|collected|gathered|asked|called|spoke|emailed|contacted|tried|attempted|rebooted|restarted|power[- ]cycled|cleared|flushed|scanned|audited|enabled|disabled|reproduced|validated|went|started|stopped|killed|captured|monitored|watched|read|found|noticed|saw|see|got|received|had|did|made|moved|added|created|signed|synced|re-?ran|re-?tested|repaired|escalated|uninstalled|downloaded|uploaded|mapped|joined|unjoined|traced|dug|went|grabbed|confirmed)\b/i;

const SYMPTOM =
  /\b(?:reports?|reported|reporting|complain\w*|can'?t|cannot|can not|unable to|not able to|won'?t|doesn'?t|isn'?t working|not working|fail(?:s|ed|ing)?|broken|down\b|offline|error|since (?:this morning|yesterday|today|\d)|getting|get |keeps?|stuck|slow|no (?:external |incoming |outgoing )?\w+ (?:arriving|coming|working))/i;

const CHATTER =
  /^(?:ok(?:ay)?|k|thanks?|thank you|ty|cool|great|nice|got it|brb|one sec|hold on|sure|yep|yes|no|nope|lol|hmm+|will do|on it|sounds good|perfect|np|done)[\s.!]*$/i;

export interface ClassifiedStatement {
  kind: StatementKind;
  text: string;
  /** For ruled_out: the thing ruled out; for diagnosis: the cause phrase. */
  object?: string;
}

/**
 * Classifies one sentence an engineer wrote. `isFirstEngineerMessage` lets a
 * plain opening statement be read as the reported symptom.
 */
export function classifyStatement(sentence: string, isFirstEngineerMessage: boolean): ClassifiedStatement {
  const text = sentence.trim();
  if (CHATTER.test(text) || text.replace(/[^A-Za-z]/g, "").length < 3) return { kind: "chatter", text };

  if (NEXT_LEAD.test(text)) return { kind: "next", text: text.replace(NEXT_LEAD, "") || text };

  if (RULED_OUT.test(text) && !DIAGNOSIS.test(text)) {
    for (const re of RULED_OUT_OBJECT) {
      const m = re.exec(text);
      if (m?.[1]) {
        return { kind: "ruled_out", text, object: m[1].replace(/[.!]+$/, "").trim() };
      }
    }
    return { kind: "ruled_out", text, object: text.replace(/[.!]+$/, "") };
  }

  if (DIAGNOSIS.test(text) || DIAGNOSIS_LEAD.test(text)) {
    return { kind: "diagnosis", text: text.replace(DIAGNOSIS_LEAD, "") };
  }
  if (VERIFIED.test(text)) return { kind: "verified", text };
  if (IN_PROGRESS.test(text)) return { kind: "in_progress", text };
  if (FIX_APPLIED.test(text)) return { kind: "fix_applied", text };
  if (STEP.test(text)) return { kind: "step", text };
  if (NEXT_ANYWHERE.test(text)) return { kind: "next", text };
  if (isFirstEngineerMessage || SYMPTOM.test(text))
    return { kind: isFirstEngineerMessage ? "symptom" : "step", text };
  return { kind: "step", text };
}
