import { describe, expect, it } from "vitest";
import { kindByGrammar } from "../../../../../src/engine/writers/offline/notes/line-grammar.ts";
import type { NoteKind } from "../../../../../src/engine/writers/offline/notes/note-lines.ts";

const filed = (kind: NoteKind, text: string, author: "engineer" | "client" = "engineer") =>
  kindByGrammar({ kind, text, index: 0, author });

describe("where a line of the ticket notes goes, by what its words say", () => {
  it("files what the client reports as a finding, never as a cause we ruled out", () => {
    expect(filed("ruled_out", "And the Scan to Me button works too", "client")).toBe("finding");
  });

  it.each([
    [
      "done",
      "Sent Teresa: 'Hi Teresa, we've sent the company file to Intuit's data repair team.'",
      "contact",
    ],
    ["failed", "Told declan nobody touches it", "contact"],
    ["ruled_out", "Maureen: 'Yes 7pm is fine, I'll email everyone to be out by 6:45.'", "contact"],
    ["ruled_out", "Not doing cloud resets", "held"],
    ["ruled_out", "A reset wont shorten a path lol. Not resetting", "held"],
    ["ruled_out", "Can't buy it on their behalf without approval, it's a 12 month commitment", "held"],
    ["ruled_out", "Not assuming FS01 is clean though. IR's call", "held"],
    ["ruled_out", "Mailbox is 41 of 100GB so not a quota thing", "ruled_out"],
    ["ruled_out", "So the whole company can read AND write payroll", "finding"],
    ["ruled_out", "Sync account not excluded", "finding"],
    [
      "change",
      "updated the connection string on APP01 to the new SQL instance and restarted the app service",
      "change",
    ],
    ["done", "updated helen: more like 3:30, will confirm once the accounts appear", "contact"],
    [
      "change",
      "pilot policy 'CL - Win11 24H2 pilot' - rhys says hell set the min OS there this week",
      "planned",
    ],
    ["ruled_out", "E: on HR-SRV01 has 212GB free of 400. Not disk", "ruled_out"],
    [
      "ruled_out",
      "they dont have a laptop VPN, and tunnelling round the policy is what it is meant to stop",
      "finding",
    ],
    [
      "change",
      "wrote the request to priyanka in the ticket + teams: 'please add the sync role to the exclusions'",
      "contact",
    ],
    [
      "done",
      "candidates: D:\\ISO (38GB of server ISOs) and D:\\Old\\BCE-APP-OLD.vhdx (old licence server)",
      "finding",
    ],
    [
      "change",
      "if jess says yes -> reset + revoke sessions for jess, and reset reception2 anyway tonight",
      "planned",
    ],
    ["ruled_out", "not yet - if i change the scope now and it stops i wont know what it was", "held"],
    [
      "finding",
      "Created inbound connector 'Copier relay': from Your organization's email server, identify by sender IP 81.2.69.143",
      "change",
    ],
    ["finding", "Mailbox permissions removed by joe on tuesday", "finding"],
    [
      "finding",
      "Was going to force a pw reset now - actually scratch that, she cant complete it from lisbon",
      "held",
    ],
    [
      "finding",
      "Actually scratch the update theory - qr-avd-3 never got the CU and its just as slow",
      "finding",
    ],
    [
      "finding",
      "Storage key rotation (key1) + cmdkey update on the 4 hosts booked for 19:00 tonight",
      "planned",
    ],
    ["ruled_out", "No, not mixing a sata drive into a sas raid 5 on the perc", "held"],
    ["ruled_out", "Ugh shouldnt have pasted that in here, rotating it after", "finding"],
    ["ruled_out", "He's not comfortable doing it, fair enough", "held"],
    ["ruled_out", "Checked HR and Directors too - same, all inherited from the root", "finding"],
    ["ruled_out", "Reset pw to a random one, not recording it anywhere", "change"],
    ["failed", "Kiran sent the form at 12:50", "finding"],
    ["failed", "Fresh profile on DISPATCH-03 didn't help either", "failed"],
    ["failed", "Tried enabling DKIM straight away - 'CnameMissing'", "failed"],
    ["done", "Agency added servers.mcsv.net (mailchimp) and sendgrid.net", "finding"],
    ["done", "linda: 'a BT engineer came on friday to swap the router'", "contact"],
    ["change", "Found a forwarding rule created at 09:52 named '..'", "finding"],
    ["change", "Real fix: expand OS disk 128 -> 256GB", "planned"],
    ["finding", "Portal: resized data01 to 256GB (P15), no deallocate needed", "change"],
    ["finding", "Deleted users: nothing matching sofia or smarchetti", "finding"],
    ["change", "Get-MailboxPermission dfrost -> gareth FullAccess, automapping set", "finding"],
    ["open_hypothesis", "It used to be the 82.12 static", "finding"],
    ["open_hypothesis", "Could be double NAT behind the new hub rather than CGNAT?", "open_hypothesis"],
    ["verification", "Rhiannon: booking works again as of 15:20", "verification"],
    ["verification", "Declan asks if jane can work from a spare pc", "finding"],
    ["planned", "Was going to delete the account outright - actually no, scratch that", "held"],
    ["finding", "Logoff 14 /server:KHH-RDS01 done 11:31", "change"],
    ["finding", "chasing marcus at 13:00 if nothing before", "planned"],
    ["finding", "Update-MgUser -UserId mtr-boardroom -PasswordPolicies DisablePasswordExpiration", "change"],
    ["finding", "Opened SR 184522907, uploaded tsr log", "done"],
    ["change", "Checked CA - account excluded from the MFA policy, so not that", "done"],
    ["finding", "will check back at 19:00 for the wipe", "planned"],
    [
      "change",
      "Set-SPOSite -Identity finance -LockState Unlock -> 'The site is locked for compliance reasons'",
      "failed",
    ],
    ["change", "CA policy 'CA03 - require compliant device' last modified nov", "finding"],
    ["change", "DKIM for exchange online enabled, selector1/selector2 cnames present", "finding"],
    ["change", "Raised the MS case 2503110040001234, sev B", "done"],
    ["change", "Minimum RSSI set to -75", "change"],
    ["finding", "not touching CA. excluding 23 users from the compliant-device policy is worse", "held"],
    [
      "done",
      "Back to check it finishes, then raj checks the _Restored copy, then backup job rerun tonight",
      "planned",
    ],
  ] as const)("%s: %s -> %s", (kind, text, expected) => {
    expect(filed(kind, text)).toBe(expected);
  });
});
