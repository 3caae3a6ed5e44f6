import { describe, expect, it } from "vitest";
import {
  hasSecretMarker,
  redactSecrets,
  redactSecretsSync,
  SessionSecrets,
} from "../../src/secrets/index.ts";

describe("redactSecrets", () => {
  it("names the kind in a clean marker, with no stray brackets or words", async () => {
    expect((await redactSecrets("password : Gr33n Apple 77")).text).toBe("password : [password removed]");
    expect((await redactSecrets("PIN 4821")).text).toBe("PIN [PIN removed]");
    expect((await redactSecrets("Passwort lautet Geheim123")).text).toBe(
      "Passwort lautet [password removed]",
    );
    expect((await redactSecrets("x-api-key: 9f8e7d6c5b4a39281706f5e4d3c2b1a0")).text).toBe(
      "x-api-key: [API key removed]",
    );
    expect(
      (await redactSecrets("BitLocker recovery key 418330-102234-556611-093412-700821-245806-331089-612574"))
        .text,
    ).toBe("BitLocker recovery key [recovery key removed]");
  });

  it("removes a known value wherever it comes back in the session, even without a label", async () => {
    const first = await redactSecrets("pw is Tr0ub4dor&3 for now");
    expect(first.text).toBe("pw is [password removed] for now");
    const later = await redactSecrets("tried it on the second firewall too: Tr0ub4dor&3 works", {
      known: first.found,
    });
    expect(later.text).toBe("tried it on the second firewall too: [password removed] works");
  });

  it("takes the message after a label for its value, but never a field (a company, a summary) written between", async () => {
    const session = new SessionSecrets();
    expect(
      (await redactSecrets("temp password for jsmith, she changes it at logon:", { session })).text,
    ).toBe("temp password for jsmith, she changes it at logon:");
    const company = await redactSecrets("Lakeshore Property Management", { session, field: true });
    expect(company.text).toBe("Lakeshore Property Management");
    expect((await redactSecrets("Harbor-Maple-58", { session })).text).toBe("[password removed]");
    expect((await redactSecrets("tried Harbor-Maple-58 on the VPN too", { session })).text).toBe(
      "tried [password removed] on the VPN too",
    );
  });

  it("turns legacy [redacted]] debris into nothing new, and never re-detects a marker", async () => {
    const text = "password is [redacted]] and the key is [API key removed]";
    expect((await redactSecrets(text)).text).toBe(text);
    expect(hasSecretMarker(text)).toBe(true);
  });

  it("keeps placeholders, masked values and variables", () => {
    for (const line of [
      "Password=******** is what the UI shows",
      "password=<your password>",
      "set DB password via $env:DB_PASS before running the script",
      "$cred = Get-Credential; Connect-ExchangeOnline -Credential $cred",
    ])
      expect(redactSecretsSync(line).text).toBe(line);
  });

  it("never takes the first word of the next line for the value of a label that ends a line", () => {
    const notes =
      "- Prob a password spray, they never got past the password\n**Not done yet:**\n- Havent added him yet";
    expect(redactSecretsSync(notes).text).toBe(notes);
    expect(redactSecretsSync("reset her password to qwerty2024\nthen tested").text).toBe(
      "reset her password to [password removed]\nthen tested",
    );
  });

  it("keeps user lists, licence servers, VM sizes and times in bold, even where credentials are talked about", () => {
    for (const line of [
      "users: mhart, jdoyle, kpatel - reset their password prompts",
      "LICPATH.lic on WS14 points at 27000@FHA-LIC01, admin account fine",
      "- D4s_v5 supports live resize\n- reset the admin password later",
      "cause: VM is Standard_B2ms, the admin account is fine",
      "app closes with 'Access violation at address 5A3C21F0 in module ITReports.bpl', login fine",
      "NAS01 (DS1821+) beeping since 7am, admin password unchanged",
      "KHH-RDS01 query user: mferri  rdp-tcp#14  Disc  idle 21+04:12  logon 2/18 - admin account, old password",
      "**Waiting on: the client (Maureen) - Could we do this tonight at 7pm?**\n- sign in as admin",
      "**Waiting on: the client (Joanna) - let me know if anyone still gets the password prompt?**",
      "sign-in logs: loads of failures since sat evening. Error 53003, her password is fine",
      "check the storage account metrics (transactions by response type, SuccessE2ELatency)",
      "storage account key rotation tonight; e2e latency avg 9ms but spikes to ~180ms 08:40-08:50",
      "Associate can't sign in to Outlook/Teams while working abroad, password is fine",
      "spf=pass smtp.mailfrom=bounces+2210934-a1f3@sendgrid.net, dkim=pass header.d=sendgrid.net",
      "nina's colleague did shift+F10 at the setup screen, then reset the admin password",
      "renewal £11.99+vat for 1yr, card on the account expired",
      "so she can use her OLD password for teams/outlook til sync is back",
      "Password prompts in Outlook and S: drive, PC clocks wrong",
      "nameservers ns1/ns2.123-reg.co.uk. we dont have the login, their web guy manages the domain",
      "new outlook profile 'Richard-2026' created, set as default, his password prompt gone",
      "os disk HF-APP02_OsDisk_1_8c41d2 shows 'Updating', admin password reset didnt help",
      "authentication methods: Microsoft Authenticator + phone +44 7700 900412. sign-in logs: failure 500121",
      "S: = \\\\OKA-NAS01\\Projects, synology ds920+, 4 bays. reset the admin password later",
      // prices, durations, interfaces, verdicts, error codes and key IDs where credentials are talked about
      "a new full-year seat £3,180+vat. or flex, 500 tokens £1,500",
      "nearly 5k, and its their filing week. edition upgrade = iris offline ~1.5-2h, sql restart",
      "wrexham 40F via forticloud: wan1 dhcp 192.168.1.2 from the new router",
      "spf/dkim/dmarc all pass - so not spoofed, their mailbox is compromised",
      "Recovery key ID (to identify your key): 7C1E9A52-4B0D-4E6F-9C31-D2A8F0B6E417",
      "- home wifi is fine, reset the admin password\n- contact your system administrator with the error code 80180014",
      "- reset the temp password for sophie\n- renamed shorter ('Flat14 renewal offer FINAL v3'), uploaded to her onedrive",
      // things about passwords, a virtual disk's file, and a parameter on a line under one that ran sqlcmd
      "removed the MicrosoftOffice16_Data entries from credential manager, new profile -> 'Something went wrong and Outlook couldn't set up your account.' nope",
      "on the PCs with an old profile the password box title says 'Connecting to BRO-SBS01.brackenridge.local'",
      "VEEAM-PROXY01 vm settings: hard disk 3 = [DS-SAS-01] MF-FS01/MF-FS01_1.vmdk. hotadd left it mounted",
      "- Start-ADSyncSyncCycle -PolicyType Delta -> Result: Success\n- Sqlcmd -S (localdb)\\.\\ADSync -> DBCC SHRINKDATABASE(ADSync,1)",
      // a host named as "the one" someone set up
      "maybe. OS-LT11 is the one dave 'set up' for her from his old laptop, offline files could easily be on",
      // address ranges, DKIM selectors and a validation number two lines above MFA talk
      "checked the other 3 vpn users, ipconfig via screenconnect: 192.168.0.x, 10.0.0.x, 192.168.2.x. no clash",
      "Pay CNAME lakeshorerm.rentdeck.com. _rentdeck-verify TXT rd-verify=8c1f0e2a. selector1/selector2._domainkey CNAMEs",
      "EPSA hdd test: 'Error code 2000-0142, Validation 118345, Msg: Hard Drive 1'\n**Pending:**\n- Waiting on the client: needs jess for her login + mfa",
    ])
      expect(redactSecretsSync(line).text).toBe(line);
  });

  it("removes the password of a command line, never the command's name ('creds off the sheet: sqlcmd -S …')", () => {
    const out = redactSecretsSync(
      "sqlcmd from front desk with the sa creds off the vendor sheet: sqlcmd -S PPP-SRV01\\PB -U sa -P Pb#Sask2019sa -> error 26",
    ).text;
    expect(out).not.toContain("Pb#Sask2019sa");
    expect(out).toMatch(/^sqlcmd from front desk .*: sqlcmd -S PPP-SRV01/);
  });

  it("removes a storage key typed after net use /user:, slashes and all", () => {
    const key =
      "Zt7Qm2pX9vLw4RkN8sB1cH6yJ3dF0aG5eU2iO7nT4qV9xW1zY8mK3lP6rS0jE5hD+bC2gA/fI4oM7uN9tQ1wX3vZ6yR8kL==";
    const line = `net use P: \\\\qrprofiles.file.core.windows.net\\profiles /user:localhost\\qrprofiles ${key}`;
    const out = redactSecretsSync(line).text;
    expect(out).not.toContain("Zt7Qm2pX9");
    expect(out).not.toContain("fI4oM7uN9");
    expect(out).toContain("qrprofiles.file.core.windows.net");
  });

  it("takes a Wi-Fi key, not the product or band beside it ('cloud key gen2', '5ghz')", () => {
    const out = redactSecretsSync(
      "controller on their cloud key gen2 (HSD-CK01). scanners on SSID HSD-Scan, psk Harb0urScan!24, 5ghz only, vlan 40",
    ).text;
    expect(out).not.toContain("Harb0urScan");
    expect(out).toContain("cloud key gen2");
    expect(out).toContain("5ghz only");
  });

  it("takes a guest key quoted in prose ('the guest key 'kettle2024' was on the chalkboard')", () => {
    const out = redactSecretsSync(
      "rosa says the guest key 'kettle2024' was written on the chalkboard outside all summer. so the whole street autojoins lol",
    ).text;
    expect(out).not.toContain("kettle2024");
    expect(out).toContain("chalkboard");
  });

  it("passes an ordinary chat line through unchanged", () => {
    const line = "Verified MX records - correct, pointing to acmemedical-com.mail.protection.outlook.com";
    expect(redactSecretsSync(line)).toMatchObject({ text: line, kinds: [] });
  });
});
