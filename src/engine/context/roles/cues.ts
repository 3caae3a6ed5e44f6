/**
 * Cue families matched against a statement's normalised words (lower case,
 * contractions expanded, padded with spaces). Each is a family of ways of
 * saying one thing, not a list of sentences.
 */

const re = (source: string) => new RegExp(source);

/** Small talk and acknowledgements with nothing for an update. */
export const CHATTER = re(
  String.raw`^ (?:(?:ok|okay|k|kk|thanks|thank you|ty|thx|cool|great|nice|got it|sure|yep|yes|yeah|yup|no|nope|lol|lmao|haha|hmm+|will do|sounds good|perfect|np|done|me too|me|same|wow|ugh|oof|yikes|nice one|cheers|legend|fair|true|right|noted|ack|\+1|oh|ah|aha|ooh|whoa|yay|damn|welp)\s*)+$`,
);

/** Session housekeeping and personal remarks: never part of an update. */
export const ASIDE = re(
  String.raw`^ (?:brb|be right back|back|back on it|back now|ok back|okay back|i am back|afk|lunch|coffee|break)\b|\b(?:(?:grabbing|getting|going for|off to|heading to|out for|back from|at|on) (?:a |my |our )?(?:lunch|coffee|pizza|sandwich|snack|break)|weekly (?:team )?meeting|stand-?up|travel(?:ling|ing)?|commute|driving|heading (?:out|home|back)|stepping (?:away|out)|pausing (?:this|the session|for|here)|give me a (?:min|minute|sec|second)|one (?:sec|second|min|minute))\b|^ still (?:on it|testing|watching|looking|working|digging|here|going)\b[^.]{0,30}$|^ (?:still )?(?:testing|checking|looking)(?: still)?,? (?:nothing yet|give me a (?:min|sec))|\b(?:anyone|any takers)\b.*$|\bthis one is slow\b|\bvery helpful\b|\b(?:fun times|classic|of course it is|tbh|smh|fml)\b$|\b(?:did you try|have you tried) turning it off and on\b`,
);

/** Plans: what happens next. */
export const NEXT_LEAD = re(
  String.raw`^ (?:next(?: steps?| up)?|then|plan(?: for \w+)?|todo|to do|after that|afterwards|follow-? ?ups?|tomorrow|tonight|later(?: today)?|once \w+ (?:is|are) \w+|once (?:that|it) is)\b`,
);
export const PLANNED_FIX = re(
  String.raw`\b(?:booked|scheduled|planned|lined up|pencilled in|penciled in) (?:for|at|in|tonight|tomorrow)\b|\b(?:fix|plan|solution|remedy|workaround|fix here) (?:is|will be|would be) to\b|\bis the (?:clean |proper |right |real |best |permanent |likely |only )?(?:fix|solution|way forward)\b|\bwe will (?:need to|have to)\b|\b(?:still )?(?:need|needs|have|has) to\b|\b(?:want|plan|planning|going|intend) to\b|\bwould like to\b`,
);

/** A statement that opens with what is needed: "need the 2025 DBSM installed", "still need to check". */
export const NEED_LEAD = re("^ (?:we |i )?(?:still |also |will |then )?(?:need|needs|have to|must|should) ");

/** Waiting on someone or something. */
export const WAITING = re(
  String.raw`\b(?:waiting|wait|awaiting|pending|on hold|holding off|hold off|sit tight|sitting tight|need (?:\w+ ){1,3}to (?:approve|sign off|sign-off|confirm|ok|okay|agree|authori[sz]e|decide)|(?:tech|technician|engineer|courier|part|parts|replacement|rma)s? (?:is |are |has been |have been )?(?:dispatched|scheduled|booked|due|coming|arriving|on (?:the|its|their) way)|until (?:they|she|he|the client|the vendor|we hear)|to hear back|ball is in their court|parked until)\b`,
);
export const WAITING_ON_PROCESS = re(
  String.raw`\b(?:replicat\w*|propagat\w*|sync\w*|to show up|to appear|to apply|to finish|to complete|to take effect|to kick in|reboot\w*|restart\w*|install\w*|copy\w*|restor\w*|ttl|cache|download\w*|upload\w*|rebuild\w*|scan\w*|to come (?:back|up)|to boot|the job|dns|mx|the update|intune|policy|check-?in)\b`,
);
export const WAITING_ON_CLIENT = re(
  String.raw`\b(?:client|customer|approv\w*|sign-?off|go-?ahead|consent|permission|confirm\w*|her|him|their (?:ok|answer|reply)|hear back|the user|the owner|the manager|management|office manager|practice manager|window|maintenance window|a time)\b`,
);
export const WAITING_ON_VENDOR = re(
  String.raw`\b(?:vendor|isp|carrier|support|tier \d|tier (?:one|two)|case|ticket|their side|their end|provider|supplier|manufacturer|rma|hotfix|engineer|technician|tech|microsoft|dell|hp|lenovo|cisco|fortinet|sonicwall|comcast|at&t|verizon|telstra|bt)\b`,
);

/** Something was ruled out. */
export const RULED_OUT = re(
  String.raw`(?<!\bto )\b(?:ruled? (?:it |that |this |them )?out|ruling out|rule out|eliminat(?:ed|es)|can cross off|crossed off|not (?:the|an?|our) (?:issue|cause|problem|culprit|reason)|(?:is|was|are|were) not (?:it|that|the (?:issue|cause|problem|culprit))|not related|unrelated|(?:does|did) not explain|no (?:issues?|problems?|errors?) (?:with|found|there|on)|nothing (?:odd|wrong|unusual|there|suspicious|found)|(?:looks?|is|are|was|were|seems?|came back) (?:fine|good|ok|okay|normal|healthy|clean|correct|as expected)(?! (?:now|again))|so (?:it is |its )?not (?:a |an |the )?\w+|not (?:a|an) \w+ (?:problem|issue))\b`,
);

/** A cause stated (or as likely). */
export const CAUSE = re(
  String.raw`\b(?:found (?:it|the (?:issue|cause|problem|culprit))|root[- ]?cause|(?:the|a|likely|probable|actual) cause (?:is|was|seems|appears|confirmed|found)|cause (?:is|was|confirmed|found)|caused by|(?:is|are|was|were) (?:what is |what was )?causing|culprit|that is (?:the|our|your) (?:issue|problem|cause|culprit|reason)|that is why|that explains (?:it|the|everything)|which explains (?:it|the|everything)|turns? out|turned out|because (?:of |the |a |an |it |they |their |our |your |someone )|due to|the reason (?:is|was|why)|responsible for|traced (?:it|the \w+|this)? ?(?:back )?to|narrowed (?:it )?down to|pinned (?:it )?down|identified the (?:cause|issue|problem)|(?:the )?(?:issue|problem) (?:is|was) (?:that|caused)|confirmed (?:a|the|an) (?:fault|bug|outage|issue|problem|defect|failure|known issue|regression)|(?:looks|seems|appears) (?:like|to be) (?:the|a|an|our) (?:culprit|cause|reason|issue|problem)|(?:likely|probably|definitely|clearly) (?:the|a) (?:cause|culprit|reason|issue|problem)|(?:is|are|was|were) (?:likely |probably |definitely |clearly )?(?:blocking|preventing|breaking|killing|filling|eating|locking)|(?:likely|probably) (?:blocking|causing|preventing|breaking)|it is (?:the|a|an|their|our) [\w' -]{0,60}?\b(?:blocking|causing|preventing|breaking|killing|filling)|that would be it|that is it|there it is|bingo|known (?:regression|issue|bug|defect|problem|fault))\b`,
);
/** "so it's the cert": narrowing to a component, not to a place ("so it's the machine, not the user"). */
export const CAUSE_SO = re(
  String.raw`^ (?:so|ok so|yep so|right so) (?:it is|it was|that is) (?:the|a|an|their|our) (?!(?:machine|user|pc|computer|device|laptop|account|profile|network|server|site|client|same|whole|other|one|issue|problem)\b)\w+`,
);
/** A cause that is not known: "still no idea what is causing it". */
export const CAUSE_UNKNOWN = re(
  String.raw`\b(?:no idea (?:what|why)|not sure (?:what|why)|do not know (?:what|why)|(?:cause|reason) (?:is )?(?:still )?unknown|(?:still )?unclear (?:what|why)|no (?:root )?cause (?:yet|found))\b`,
);
export const LIKELY = re(
  String.raw`\b(?:likely|probably|looks like|seems|appears|suspect|i think|we think|my guess|guessing|might|may be|could be|possibly|presumably)\b`,
);
/** A guess, not a stated cause ("maybe", "could be", "thought:"). */
export const HYPOTHESIS = re(
  String.raw`^ (?:thought|theory|idea|hunch)\b|\b(?:maybe|perhaps|could be|might be|wondering|or is it)\b|\?\s*$`,
);

/** Something works (after a change). */
export const WORKS = re(
  String.raw`\b(?:(?:works?|working|worked|loads?|loaded|resolves?|connects?|connected|prints?|printed|sends?|sent|syncs?|synced|boots?|booted|opens?|opened|signs? in|signed in|logged in|logs in|licensed|delivered|arrived|passes|passed|succeeded|installed|restored|came up|comes up) (?:fine|again|now|ok|okay|correctly|clean|normally|successfully|properly|without (?:errors?|issues?|problems?))|(?:is|are|it is|they are|everything is|all) (?:working|back up|back online|online|up|flowing|resumed|green|healthy)(?: again| now)?|back (?:up|online|in business|to normal)|confirmed (?:it is |that it is |that )?(?:working|fixed|resolved|back|good)|verified (?:it is |that )?(?:working|fixed|resolved)|no (?:new )?(?:crash|crashes|errors?|bugchecks?|blue ?screens?|bsods?|drops?|alerts?|issues?|problems?|complaints?|disconnects?|freezes?) (?:so far|since|now|after|overnight|today|for)|successfully|success|test (?:page|print|email|mail|call|message|login|sign-?in)s? (?:printed|went through|worked|succeeded|delivered|arrived|fine|ok)|can (?:now )?(?:open|access|print|sign in|log in|connect|send|receive|get in|reach|use)|(?:is|are) (?:now )?able to|(?:she|he|they|users?|everyone|staff) (?:is|are) (?:back|in|up and running)|it is fixed|fixed it|all good|looking good|holding)\b`,
);
/** The problem persists after an attempt. */
export const STILL_FAILING = re(
  String.raw`\b(?:same (?:error|thing|result|issue|problem|behaviou?r|message|code|symptom|\d|0x)|still (?:no|not|fail\w*|error\w*|broken|crash\w*|down|offline|hangs?|the same|get(?:ting)?|see(?:ing)?|nothing|stuck|spinning|slow|dropping|there|missing|locked|blocked|bouncing)|did not (?:help|work|fix|change|resolve|apply|take|stick)|does not (?:help|work|fix)|no (?:change|difference|luck|joy|improvement)|(?<!have |has )not applied|made no difference|no better|back to square one|(?:error|issue|problem|crash\w*|it|symptoms?) (?:came back|returned|is back)|again(?: now)?$)\b`,
);
/** A change that is a test or stopgap, not the fix. */
export const NOT_THE_FIX = re(
  String.raw`\b(?:test only|as a test|for (?:a )?test(?:ing)?|to test|test (?:user|account|machine|laptop|vm|group|mailbox|tenant|box|pc|device|policy)|temporar(?:y|ily)|workaround|stop-?gap|meanwhile|in the meantime|\w+-test\w*|test\w*\d\w*|until the (?:proper|real|permanent|actual) fix|for now|to rule out|just in case|as a backup|reverted (?:it|that|the test|my test))\b`,
);

/** Events before the session, by someone else or at another time: history, not our fix. */
export const HISTORY = re(
  String.raw`\b(?:last (?:week|night|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|over the weekend|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:mon|tue|wed|thu|fri|sat|sun) \d|in 20\d\d|\d+ (?:days?|weeks?|months?|years?) ago|back when|originally|previously|by the (?:\w+ )?(?:policy|vendor|previous|update|script|automation)|by (?:the vendor|someone|another|a colleague)|overnight|automatically|auto-\w+|by itself|on its own)\b`,
);

/** A short label before a colon: "DNSFilter query log:", "Done:", "Root cause:". */
export const REPORT_LABEL = /^\s*([^:,\n]{1,40}?):\s+(?=\S)/;

/** The report of a problem. */
export const SYMPTOM = re(
  String.raw`\b(?:reports?|reported|reporting|complain\w*|says|said|can not|unable to|not able to|will not|does not|do not|is not working|not working|fails?|failed|failing|broken|down|offline|errors?|since (?:this morning|yesterday|today|last \w+|monday|tuesday|wednesday|thursday|friday|\d)|keeps?|stuck|slow|intermittent\w*|freez\w*|crash\w*|drops?|dropping|disconnect\w*|locked out|lost|missing|spins?|spinning|hangs?|bounc\w*)\b`,
);

/** Quick-fix verbs everywhere are tried remedies; this marks statements about talking to people. */
export const TOLD_PERSON = re(
  String.raw`^ (?:updated|told|let|informed|called|emailed|messaged|pinged|texted|phoned|rang|briefed) (?:him|her|them|the client|the customer|the user|[a-z]+ (?:that|know|on|:|about|we))\b|^ (?:\w+ )?(?:asked|asking|pinged|wants|wanted|is asking) (?:if|whether|for an update|about)\b`,
);

/** A statement that only points back at the previous one: "That's the root cause." */
export const CAUSE_POINTER = re(
  String.raw`^ (?:so )?(?:that is|this is|which is|it is|that would be|that is probably|that is likely) (?:the|our|your|probably the|likely the) (?:root cause|cause|culprit|issue|problem|reason)\s*$|^ (?:that would be it|that is it|there it is|bingo|found it)\s*$`,
);

/** The cue at the start of a statement that introduces a cause, dropped from the cause text. */
export const CAUSE_LEAD =
  /^(?:ok(?:ay)?[,!]?\s+)?(?:found it|got it|bingo|aha|(?:likely |probable |root )?cause(?: confirmed)?|diagnosis|culprit)\s*[:!.\-—–]+\s*/i;
