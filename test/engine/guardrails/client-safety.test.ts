import { describe, expect, it } from "vitest";
import { findClientViolations, makeClientSafe } from "../../../src/engine/guardrails/index.ts";

const kinds = (text: string) => findClientViolations(text).map((v) => `${v.kind}:${v.match}`);

describe("findClientViolations", () => {
  it.each([
    ["reach it at 203.0.113.45", "ip:203.0.113.45"],
    ["subnet 10.40.0.0/24 is routed", "ip:10.40.0.0/24"],
    ["listening on 192.168.1.10:3389", "ip:192.168.1.10:3389"],
    ["IPv6 2001:db8::1 answers", "ip:2001:db8::1"],
    ["link-local fe80::1ff:fe23:4567:890a%eth2 only", "ip:fe80::1ff:fe23:4567:890a%eth2"],
    ["loopback ::1 works", "ip:::1"],
    ["bracketed [2001:db8:0:0:1:0:0:1]:443", "ip:[2001:db8:0:0:1:0:0:1]:443"],
    ["Logged into fw01 and checked", "hostname:fw01"],
    ["the file share on SRV-FILE02 is slow", "hostname:SRV-FILE02"],
    ["moved PC-RECEPTION3 to the new VLAN", "hostname:PC-RECEPTION3"],
    ["check acme-dc1 replication", "hostname:acme-dc1"],
    ["connect to fw01.brightline.local", "hostname:fw01.brightline.local"],
    [
      "MX points to acmemedical-com.mail.protection.outlook.com",
      "hostname:acmemedical-com.mail.protection.outlook.com",
    ],
    ["the svc-sqlagent account", "hostname:svc-sqlagent"],
    ["log_reuse_wait_desc says LOG_BACKUP", "hostname:log_reuse_wait_desc"],
    ["database OrderPointDB is full", "hostname:OrderPointDB"],
    ["mail to dana@acmemedical.com bounced", "email:dana@acmemedical.com"],
    ["saved to \\\\fs01\\shares\\finance", "path:\\\\fs01\\shares\\finance"],
    ["see C:\\ProgramData\\App\\log.txt", "path:C:\\ProgramData\\App\\log.txt"],
    ["key HKLM\\Software\\Policies\\Microsoft", "path:HKLM\\Software\\Policies\\Microsoft"],
    ["open https://portal.example.com/login", "url:https://portal.example.com/login"],
    ["failed with 0x80070643", "error_code:0x80070643"],
    ["FortiClient error (-7200)", "error_code:-7200"],
    ["KB5034441 will not install", "error_code:KB5034441"],
    ["event ID 4625 floods the log", "error_code:event ID 4625"],
    ["error 1603 during install", "error_code:error 1603"],
    ["bounced with 5.7.1", "error_code:5.7.1"],
    ["Transport Rules are scoped wrong", "jargon:Transport Rules"],
    ["the MX-records changed", "jargon:MX-records"],
    ["two mailboxes are full", "jargon:mailboxes"],
    ["the DKIM and SPF records", "jargon:DKIM"],
    ["renewed the SSL cert", "jargon:SSL cert"],
    ["it was the CA", "jargon:CA"],
    ["GPOs did not apply", "jargon:GPOs"],
    ["FortiGate rebooted", "tool:FortiGate"],
    ["pushed by NinjaOne overnight", "tool:NinjaOne"],
  ])("flags %s", (text, expected) => {
    expect(kinds(text)).toContain(expected);
  });

  it.each([
    "We can confirm everything is working again.",
    "We're shipping a replacement and mapping the drive for you.",
    "Your ticket TKT-2847 is being worked on since 8am; we'll call at 3pm.",
    "Microsoft 365 sign-in works again on Windows 11 and your iPhone.",
    "We checked at 10:30 and again at 14:45:10.",
    "The security certificate has been renewed and your Wi-Fi is fine.",
    "Because the California office uses a different internet provider, the follow-up is tomorrow.",
  ])("accepts plain client language: %s", (text) => {
    expect(findClientViolations(text)).toEqual([]);
  });
});

describe("makeClientSafe", () => {
  it.each([
    "Requested a new cert from the CA, importing it on fw01 now and rebinding it to the SSL VPN portal.",
    "Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com",
    "Ran message trace in EAC - emails are queuing at the transport layer",
    "Checked recipient mailbox dana@acmemedical.com - not full, no forwarding rules.",
    "WAN 203.0.113.45 answers on 443, so not an ISP outage.",
    "Printer at 10.1.2.50 doesn't answer ping; spooler on PRINT01 is stopped (error 1068).",
    "Pushed GPO via gpupdate /force to PC-RECEPTION3 and saved to \\\\fs01\\scans",
  ])("leaves no violation in %s", (text) => {
    const safe = makeClientSafe(text);
    expect(findClientViolations(safe), safe).toEqual([]);
    expect(safe.length).toBeGreaterThan(10);
  });

  it("reads as English with the plain wording", () => {
    expect(makeClientSafe("Requested a new cert from the CA, importing it on fw01 now.")).toBe(
      "Requested a new security certificate from the certificate provider, importing it now.",
    );
    expect(makeClientSafe("Two Transport Rules were scoped tenant-wide")).toBe(
      "Two mail routing settings were scoped organization-wide",
    );
  });
});

describe("glossary senses", () => {
  it("tells an MX record from an MX appliance", () => {
    expect(makeClientSafe("MX record points to the filtering service")).toMatch(/^email settings points/);
    expect(makeClientSafe("Checked the MX dashboard")).toBe("Checked the network security device dashboard");
    expect(makeClientSafe("Checked the MX dashboard")).not.toMatch(/email/);
  });

  it("tells a Microsoft 365 tenant from a property tenant", () => {
    expect(makeClientSafe("The tenant in unit 4 reported the door alarm")).toBe(
      "The tenant in unit 4 reported the door alarm",
    );
    expect(makeClientSafe("Global admin on the Microsoft tenant was locked")).toMatch(
      /Microsoft 365 account/,
    );
  });

  it("gives our own tools no article", () => {
    expect(makeClientSafe("Checked the SentinelOne console")).toBe("Checked our security tools console");
    expect(makeClientSafe("Looked in the NinjaOne patch history")).not.toMatch(/the our/);
  });
});
