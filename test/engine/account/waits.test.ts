import { describe, expect, it } from "vitest";
import { buildSessionAccount } from "../../../src/engine/account/index.ts";
import { chatSession } from "../../support/chat-session.ts";

const TICKET = { id: "TKT-77", company: "Marlow Veterinary", contact: "Priya Shah" };
const session = (lines: string[], ticket: Record<string, string> = {}) =>
  chatSession(lines, { ticket: { ...TICKET, ...ticket } });
const waitingOn = (lines: string[]) => buildSessionAccount(session(lines)).waitingOn;

describe("what the work waits on", () => {
  it("'waiting on the lunch test' is on whoever was asked for that test; a name working 'at our office' is ours", () => {
    const lunch = waitingOn([
      "Card reader at reception not detected since this morning.",
      "told priya: 'Could someone plug the reader into the back office PC when it is free (lunch is fine) and let me know if it works?'",
      "priya: 'ok will try at lunch'",
      "waiting on the lunch test",
    ]);
    expect(lunch).toMatchObject({ on: "client", who: "Priya", sources: ["m4"] });
    const bench = waitingOn([
      "3 new laptops fail setup at the apps step.",
      "aoife has them on the bench at our office",
      "fixed the app's detection rule, reset the first laptop",
      "waiting for aoife to confirm it reaches the desktop, then reset the other 2",
    ]);
    expect(bench).toMatchObject({ on: "internal", who: "Aoife" });
  });

  it("an escalated ticket waits on the carrier's NOC it went to, even after the NOC's own update; an ask answered in the same line waits on nobody", () => {
    const account = buildSessionAccount({
      ...session([
        "Main number not ringing since the carrier's weekend migration; DDIs fine.",
        "asked priya if anything changed - 'no, nobody touched anything'",
        "got through to telvora. L1 (callum) agrees its their side, callum escalated it to their NOC as P1 under TLV-448812.",
        "NOC ETA: 'no ETA yet, engineers investigating the migrated routing tables'",
        "ticket notes updated: timeline, test calls, telvora ref, no ETA",
        "asked sanjay (our voice lead) to keep an eye on TLV-448812 this afternoon",
      ]),
      status: "escalated" as const,
    });
    expect(account.waitingOn).toMatchObject({ on: "vendor" });
    expect(account.waitingOn?.text).toMatch(/NOC/);
    expect(account.waits.find((w) => /sanjay/.test(w.text))).toMatchObject({ on: "internal", who: "Sanjay" });
    expect(account.waits.some((w) => /nobody touched/.test(w.text) && w.open)).toBe(false);
    expect(account.waits.some((w) => /ticket notes updated/.test(w.text))).toBe(false);
  });

  it("someone the client names in their own message is theirs: 'waiting on dawn ~10 to run the shortcut' waits on the client", () => {
    const wait = waitingOn([
      "Z: drive gone on the office PCs since the 24H2 update, Sage cant open the data",
      "client: Priya Shah: Dawn has to run payroll by Thursday so this is urgent please!!",
      "made a 'Connect Z drive' shortcut on office2, it needs her logged in",
      "waiting on dawn ~10 to run the shortcut + confirm sage/payroll",
    ]);
    expect(wait).toMatchObject({ on: "client", who: "Dawn" });
  });

  it("a vendor named by its support case, not the client, when the fix is theirs", () => {
    const wait = waitingOn([
      "Phones at the front desk drop calls after 30 seconds.",
      "Opened a case with Telvance support, ref TV-20931, sent them the SIP traces.",
      "Telvance confirmed a routing fault on their SBC, fix rolling out overnight.",
      "Nothing more we can do our side till then.",
    ]);
    expect(wait).toMatchObject({ on: "vendor", sources: ["m3"] });
  });

  it("an escalated ticket waits on whom it went to, not on what the client was asked on the way", () => {
    const escalated = {
      ...session([
        "Defender alert on the accounts PC: a macro document ran encoded PowerShell.",
        "Isolated the PC, reset Jenny's password, blocked the sender.",
        "escalated to blackthorn security (karin lund) in the SEC queue, SEC-1182, with the decoded command",
        "told priya: 'Hi Priya, our security team is investigating. Did anyone else open the attachment?'",
      ]),
      status: "escalated" as const,
    };
    expect(buildSessionAccount(escalated).waitingOn).toMatchObject({ sources: ["m3"] });
    expect(buildSessionAccount(escalated).waitingOn?.on).not.toBe("client");
  });

  it("the client's own people when the work goes to 'their network lead', and no wait in 'please leave it switched on'", () => {
    expect(
      waitingOn([
        "APs on the 3rd floor reboot with a datapath watchdog panic, known bug in 8.10.0.6.",
        "Collected the logs. The controller is under the client's own change control.",
        "Escalating to their network lead (Dana Cho) with the logs.",
      ])?.on,
    ).toBe("client");
    expect(
      waitingOn([
        "Leaver: Daniel's laptop wipe sent from Intune at 17:48, device shows wipe pending.",
        "told priya: 'The laptop reset is in progress - please leave it switched on and plugged in until tomorrow.'",
      ])?.on,
    ).not.toBe("client");
  });

  it("a replacement part on its way is the vendor's, and the problem as first reported waits on nothing", () => {
    const account = buildSessionAccount(
      session([
        "FL-HV01 raid disk 2 failed overnight, array degraded",
        "opened SR 184522907 with dell, replacement disk dispatched next business day, courier tomorrow am",
        "nothing more til the part lands",
      ]),
    );
    expect(account.waitingOn?.on).toBe("vendor");
    expect(account.waits.filter((w) => w.sources.includes("m1"))).toEqual([]);
  });

  it("a process that finishes by itself: a copy with a percentage and an ETA", () => {
    const wait = waitingOn([
      "Priya's Projects share is empty after the migration.",
      "Restoring last night's snapshot to a staging folder.",
      "restore at 64%, ETA ~15 min, then I swap the folders and have Priya check.",
    ]);
    expect(wait?.on).toBe("process");
  });

  it("our own people when the change needs an internal sign-off", () => {
    const wait = waitingOn([
      "Mail to outside recipients bounces with 550 5.7.1.",
      "The outbound connector needs a change and anything on the connector goes through our change board.",
      "Raised CHG-4410, not touching the connector until the CAB approves it this afternoon.",
    ]);
    expect(wait?.on).toBe("internal");
  });

  it("the client, by name, when a question went to them, and nothing once they answer", () => {
    const asked = [
      "Scanner on the first floor can't reach the shared folder.",
      "sent Priya: 'Hi Priya, could you print the network page from the scanner panel and send me a photo?'",
    ];
    expect(waitingOn(asked)).toMatchObject({ on: "client", who: "Priya" });
    expect(waitingOn([...asked, "Priya sent the photo: the scanner has a 169.254 address."])).toBeNull();
  });

  it("'she' is the person named before it, not the vendor named beside her", () => {
    const wait = waitingOn([
      "Printer jams on every duplex job.",
      "told Priya the Kyocera engineer can come Thursday; does she want that slot? waiting on her",
    ]);
    expect(wait).toMatchObject({ on: "client", who: "Priya" });
  });

  it("a stop-gap offered to the client in the meantime is not what the work waits on", () => {
    const wait = waitingOn([
      "Inbound calls from some carriers get a disconnected tone since the port.",
      "Our voice provider opened ticket BV-311 with the losing carrier, who usually take 2-3 days to clear it.",
      "In the meantime could you put the backup number on your website?",
    ]);
    expect(wait?.on).toBe("vendor");
  });

  it("nobody when the engineer is the one still working", () => {
    expect(
      waitingOn([
        "Outlook freezes for the dispatch team every afternoon.",
        "safe mode still freezes, so not the add-ins.",
        "not changing anything till i know more, pulling the calendar permissions next",
      ]),
    ).toBeNull();
  });

  it("'waiting on richard's ok' holds the fix on an approval: identified, not still investigating", () => {
    const account = buildSessionAccount(
      session([
        "site to site vpn to the branch down since their new internet line went in saturday",
        "router WAN ip is 100.71.18.204, thats carrier grade nat",
        "so thats it. the new line was ordered without a static ip, the tunnel can never come up inbound",
        "priya: 'I'll catch Richard after his 2pm meeting and ring the ISP'",
        "so waiting on richard's ok + priya ordering, then the isp's slot tonight",
      ]),
    );
    expect(account.waitingOn).toMatchObject({ on: "client", blocksFix: true });
    expect(account.stage).toBe("identified");
  });

  it("'asked denise, she ok'd it' is an approval given, not one still awaited", () => {
    expect(
      waitingOn([
        "sage 50 broken on the workstations since the server move",
        "the old share is still read/write, people could save to the wrong copy",
        "asked denise, she ok'd it.",
        "set the old share to read only for everyone",
        "still checking the data service log on the new server",
      ]),
    ).toBeNull();
  });

  it("a colleague named by our own login ('by jamie.walsh@ (that's us)') is ours, and waiting on him to add seats back holds the fix", () => {
    const account = buildSessionAccount(
      session([
        "call queue not ringing the 4 lettings agents since monday",
        "licence audit log: teams phone standard removed 01/03 by jamie.walsh@ (that's us)",
        "jamie cut the renewal from 10 to 6 seats. thats it",
        "changed the queue overflow to transfer to fiona for now",
        "so waiting on jamie to add the 4 seats back in pax8",
      ]),
    );
    expect(account.waitingOn).toMatchObject({ on: "internal", blocksFix: true });
    expect(account.stage).toBe("identified");
  });

  it("escalated to a person of ours ('gwen lacey, sent her …', 'marta in CW') waits on our side; a vendor shipping a part waits on the vendor", () => {
    const escalated = (line: string) =>
      buildSessionAccount({
        ...session([
          "branch pcs not getting the new group policies",
          "dfsr on the branch dc stopped after the power cut, past the offline limit",
          "per our change policy anything touching sysvol is tier 3",
          line,
        ]),
        status: "escalated",
      }).waitingOn;
    expect(
      escalated("escalated to gwen lacey, sent her the event text and the missing GPO list"),
    ).toMatchObject({
      on: "internal",
    });
    expect(escalated("escalated to marta in CW with the notes and the event log export")).toMatchObject({
      on: "internal",
    });
    expect(
      waitingOn([
        "host down after the power cut, raid virtual disk foreign",
        "opened a dell prosupport case, uploaded the tsr. they want to walk through the import on a call at 3 and are shipping a replacement drive",
      ]),
    ).toMatchObject({ on: "vendor" });
  });

  it("the engineer's own next check ('still need to check Exchange for a contact …') waits on nobody", () => {
    expect(
      waitingOn([
        "new starter's account not syncing to 365",
        "duplicate proxy address error on the sync",
        "removed the old alias from the leaver's account, next sync clean for that one",
        "still need to check Exchange for a contact or other recipient holding one of her addresses.",
      ]),
    ).toBeNull();
  });

  it("telling the client when things settle asks nothing of them: the work waits on the rebuild, not on them", () => {
    expect(
      waitingOn([
        "nas slow and beeping since 3am, drive 4 dropped out of the raid 5",
        "drive 4 smart healthy, 40 link resets before it dropped. hot spare took over",
        "rebuild onto the spare at 2%, estimate 13h 40m",
        "keeping an eye on it",
        "told priya: its rebuilding onto the spare, will be slower than normal till tomorrow morning, please dont switch the nas off till i say its done",
      ]),
    ).toMatchObject({ on: "process" });
  });

  it("'reboot once when it goes in' is no wait on anyone; 'escalated in the PSA to marcus, he …' waits on our side", () => {
    const warned = buildSessionAccount(
      session([
        "upstairs phones no dial tone since the new switch went in saturday",
        "new switch port profile has no voice vlan",
        "warned priya the upstairs phones will reboot once when it goes in",
      ]),
    ).waits;
    expect(warned.filter((w) => /reboot once/.test(w.text))).toEqual([]);
    const escalated = buildSessionAccount({
      ...session([
        "4 pcs get no primary refresh token since 07:00, conditional access blocks outlook",
        "refreshprt and a reboot didnt help",
        "escalated in the PSA to marcus, he picks it up after his 10:00",
      ]),
      status: "escalated",
    }).waitingOn;
    expect(escalated).toMatchObject({ on: "internal" });
  });

  it("someone of the client's who is away 'at a supplier' is still the client's", () => {
    expect(
      waitingOn([
        "clockwise export to sage fails on dawn's new laptop, java applet",
        "java isnt installed on the new image at all",
        "told priya: 'Graham needs to choose between the v9 upgrade and java licensing; could he let us know?'",
        "graham's at a supplier in germany til thurs, priya says he reads email in the evenings",
      ]),
    ).toMatchObject({ on: "client" });
  });
});
