import { describe, expect, it } from "vitest";
import { buildSessionAccount } from "../../../src/engine/account/index.ts";
import { chatSession } from "../../support/chat-session.ts";

const stageOf = (lines: string[]) =>
  buildSessionAccount(
    chatSession(lines, { ticket: { id: "TKT-88", company: "Harrow Dental", contact: "Lena Ortiz" } }),
  ).stage;

describe("the stage read from what the work waits on", () => {
  it("a change the engineer says did not help fixes nothing: still investigating while the client tests, implementing once one holds", () => {
    const tried = [
      "X-ray sensor in op 3 not detected since this morning, device manager shows code 43.",
      "moved it to the rear usb port, same code 43",
      "reinstalled the sensor driver 1.4.2 and rebooted op3",
      "still code 43. didnt help",
      "told lena: 'Could someone plug the op 3 sensor into the op 2 computer at lunch and let me know whether it works there?'",
      "waiting on the lunch test",
    ];
    expect(stageOf(tried)).toBe("investigating");
    const held = [...tried.slice(0, 3), "sensor detected now, no errors", tried[4]!];
    expect(stageOf(held)).toBe("implementing");
  });

  it("'havent changed anything' said last undoes every change before it; 'anything else' or turning one step down does not", () => {
    const lines = [
      "front till stopped printing receipts on and off since wed",
      "updated the printer firmware to 1.05, rebooted it",
      "waiting on joel to confirm receipts print ok now",
    ];
    expect(stageOf(lines)).toBe("implementing");
    expect(
      stageOf([...lines, "havent changed anything yet actually, the firmware update failed to apply"]),
    ).toBe("investigating");
    expect(stageOf([...lines, "havent changed anything else btw"])).toBe("implementing");
    expect(stageOf([...lines, "not changing the router without joel's ok"])).toBe("implementing");
    expect(stageOf([...lines, "havent changed the router or anyones vpn"])).toBe("investigating");
  });

  it("a part the vendor is shipping to their onsite tech holds the fix: identified while waiting on them", () => {
    const lines = [
      "shane: daz's laptop trackpad wont click and the lid doesnt shut",
      "bottom cover bowed out 3-4mm, trackpad sitting proud of the case",
      "logged w lenovo premier support, case 7014522931",
      "shipping battery + bottom cover to their onsite tech, 2-4 business days",
      "ticket -> waiting on vendor",
    ];
    expect(stageOf(lines)).toBe("identified");
  });

  it("a cause the supplier gives, relayed and confirmed by the engineer, is the cause; their account manager is the vendor waited on", () => {
    const account = buildSessionAccount(
      chatSession(
        [
          "6 new laptops show another company's sign-in page at setup.",
          "laptops ordered via axiom supplies, supposed to arrive autopilot-registered to us",
          "imported the hashes: 'Error 808 ZtdDeviceAssignedToOtherTenant'",
          "rang axiom, account mgr darren. he's checking",
          "client: Darren (Axiom): Yes, our order team registered that batch under the wrong customer in Partner Center",
          "so cause confirmed.",
          "holding off on an MS case unless darren's admin can't",
          "waiting on axiom's partner center admin after 1pm.",
        ],
        { ticket: { id: "TKT-88", company: "Harrow Dental", contact: "Lena Ortiz" } },
      ),
    );
    expect(account.stage).toBe("identified");
    expect(account.cause?.text).toMatch(/^Our order team registered that batch under the wrong customer/);
    expect(account.waitingOn).toMatchObject({ on: "vendor", who: "Axiom" });
    expect(account.waits.map((w) => w.who)).not.toContain("Ms");
  });

  it("the stage the engineer writes down ('status identified') settles it, and a promise to do it at 18:15 is still awaited", () => {
    const account = buildSessionAccount(
      chatSession(
        [
          "desk phones not registering since the new ISP router went in, SIP ALG is on and cant be changed without a restart",
          "set 201 to TCP as a test and it registered straight away",
          "our engineer Owen is on late cover tonight. asked him to disable SIP ALG on the router at 18:15 and restart it",
          "owen: 'yep can do 18:15, put the steps in the ticket'",
          "status identified. fix tonight 18:15 by owen, CHG-3352",
        ],
        { ticket: { id: "TKT-88", company: "Harrow Dental", contact: "Lena Ortiz" } },
      ),
    );
    expect(account.stage).toBe("identified");
    expect(account.waitingOn).toMatchObject({ on: "internal", who: "Owen" });
  });

  it("what someone else says was installed is no fix of ours: still investigating", () => {
    expect(
      stageOf([
        "3 cameras at the loading bay drop off the NVR every few hours since friday",
        "nvr log: cams 5-7 'video loss' at 09:12, 11:40, 14:05",
        "gareth mentioned the scanner vendor installed some label printer box friday at the bays",
        "checking the switch port counters next",
      ]),
    ).toBe("investigating");
  });

  it("a stop-gap applied while the real fix waits on the vendor's patch is identified", () => {
    expect(
      stageOf([
        "Label printing in the imaging app crashes since the 5.2 update.",
        "Vendor support confirmed it: known bug in 5.2 with custom label templates, hotfix 5.2.1 due friday.",
        "Switched the three front desk PCs to the default template so they can print meanwhile.",
        "Waiting on the vendor for 5.2.1 now.",
      ]),
    ).toBe("identified");
  });

  it("a fix the client is asked to book a time for, with a ticket raised on the side, is identified", () => {
    expect(
      stageOf([
        "Practice app errors on posting since the power cut on sunday.",
        "no new AV policy pushed this week either.",
        "The cause is the power loss corrupting the app's index; the vendor confirmed a rebuild fixes it.",
        "raised TKT-62251 for the UPS agent, separate",
        "told Lena: 'Hi Lena, the rebuild takes 45 minutes with everyone out. Could we do this tonight at 7pm?'",
      ]),
    ).toBe("identified");
  });

  it("a change on hosts named like tickets (AR-LT-114) is still a change, and the client asked to confirm it is implementing", () => {
    expect(
      stageOf([
        "Lit team's documents stuck uploading to the DMS since the 10.9 client update.",
        "The 3 lit laptops were left in the pilot exclusion, so they never got 10.9.1.4.",
        "removed the 3 lit laptops from the pilot exclusion, pushed 10.9.1.4 to AR-LT-114 and AR-LT-120",
        "told lena: 'Could you ask them to save a test document this afternoon and let me know it shows up?'",
      ]),
    ).toBe("implementing");
  });

  it("a scan left running to look closer is still investigating", () => {
    expect(
      stageOf([
        "Wifi upstairs keeps dropping since the refit two weeks ago.",
        "AP itself is healthy, no reboots, but the signal upstairs is weak.",
        "kicked off an RF scan on the AP to see the noise and neighbours properly",
        "scan running, ~15 min",
      ]),
    ).toBe("investigating");
  });

  it("a fix applied and a process finishing it is implementing", () => {
    expect(
      stageOf([
        "Offsite backup has failed for four nights with 'key expired'.",
        "The storage application key expired on the 10th, that's the cause.",
        "Generated a new application key and updated the backup task with it.",
        "Backlog is uploading now, about 90 GB, ETA tomorrow lunchtime.",
      ]),
    ).toBe("implementing");
  });

  it("a fix applied and the client asked to confirm is implementing", () => {
    expect(
      stageOf([
        "Lena can't open the shared calendar since yesterday.",
        "Her delegate permission was removed in the leaver clean-up, that's the cause.",
        "Re-added her as editor on the calendar.",
        "parking until Lena confirms it opens for her",
      ]),
    ).toBe("implementing");
  });

  it("a guess about a change and turning on logging are not a fix under way", () => {
    expect(
      stageOf([
        "Two new desk phones in the back office never power on.",
        "the patch leads in the cabinet might not even be connected to the PoE switch.",
        "Turned on verbose logging on the switch to catch the next power negotiation.",
      ]),
    ).toBe("investigating");
  });

  it("a cause the engineer takes back leaves the session investigating", () => {
    expect(
      stageOf([
        "Scan to folder fails on the copier since Monday.",
        "The file server was patched on sunday so i thought that was it, but SMB1 was never in use there.",
        "so no.",
        "havent changed anything on either side.",
      ]),
    ).toBe("investigating");
  });

  it("a fix told only in words to the client counts when it says it was done, not when it only says what fixing will mean", () => {
    const planned = stageOf([
      "warehouse site vpn drops every few hours since tuesday",
      "fgt-wh01 went to 7.2.8 last tuesday and the phase 2 was rebuilt from our old template. thats it",
      "exported the config backup first",
      "msg to Lena: Hi Lena, we found why the warehouse keeps dropping off. Fixing it means one 2-3 minute drop for the scanners.",
    ]);
    expect(planned).not.toBe("implementing");
    const done = stageOf([
      "both screens on the dock go black after sleep since the new docks arrived",
      "dock firmware 01.00.10 known issue, matches our symptom. thats it",
      "sent Lena: 'Hi Lena, we've updated the firmware on your docking station. Could you let us know tomorrow whether the screens wake up?'",
      "waiting on her to confirm tomorrow",
    ]);
    expect(done).toBe("implementing");
  });

  it("a changing PowerShell verb pasted as run is a change; pointing syslog at our collector only helps look", () => {
    expect(
      stageOf([
        "josh cant see the conveyancing mailbox in outlook, owa fine",
        "sam added josh to the group, not to the mailbox. thats why automapping never kicked in",
        "Add-MailboxPermission -Identity conveyancing@harrow.co.uk -User josh@harrow.co.uk -AccessRights FullAccess -AutoMapping $true -> ran, no errors",
        "told lena: 'Could Josh restart Outlook after his 2pm meeting and let me know if the mailbox shows?'",
        "waiting on josh to confirm after 2",
      ]),
    ).toBe("implementing");
    expect(
      stageOf([
        "scanners in aisles 9-12 drop off the wifi every few minutes",
        "no errors on the switch ports for those aps",
        "pointed ap-wh-08's syslog at our collector so we catch whatever it says next time",
        "told lena: 'Could Kelly walk aisles 9-12 with a scanner at 2 and note where it drops?'",
        "waiting on kelly's walk at 2",
      ]),
    ).toBe("investigating");
  });

  it("turning down one step after a fix does not undo the fix; 'havent changed anything yet' does", () => {
    const fixed = [
      "remote staff cant connect to the ssl vpn since this morning, certificate expired",
      "that VIP is eating the http-01 challenge. bingo",
      "disabled the VIP, triggered renewal",
      "renewed. re-enabled the VIP",
      "proper fix for next time: move the cctv off port 80. not done, will raise with martin separately",
      "told lena: 'Could the remote staff try connecting now and let me know if anyone still can't?'",
      "waiting on lena's staff",
    ];
    expect(stageOf(fixed)).toBe("implementing");
  });

  it("a vendor sending an engineer, or a part dispatched, holds the fix: identified, not implementing or investigating", () => {
    expect(
      stageOf([
        "branch vpn down since monday, isp swapped the router",
        "new hub is in router mode with cgnat, thats it",
        "installed forticlient on the two pcs that need the office as a stop-gap",
        "set always-up on both, they can work",
        "Virgin are sending an engineer on Thursday to set the hub up in modem mode",
      ]),
    ).toBe("identified");
    expect(
      stageOf([
        "tomasz's laptop bluescreens several times a day",
        "smart: reallocated sectors 312, pending 40, the ssd is failing",
        "opened dell case 198274655 for an ssd dispatch",
        "waiting on dell.",
      ]),
    ).toBe("identified");
  });
});
