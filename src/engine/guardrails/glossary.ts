/**
 * Plain-language replacements for technical jargon and internal tool names in
 * client-facing text. To extend: add an entry; `terms` are regex fragments
 * (matched as whole words, case-insensitive unless `caseSensitive`), `plain`
 * is the singular client wording and `plural` its plural (default: plain + "s").
 * Longer, more specific terms must come before shorter ones they contain.
 */
export interface GlossaryEntry {
  terms: string[];
  plain: string;
  plural?: string;
  caseSensitive?: boolean;
  /**
   * "tool": a product name; "jargon": a technical term (both forbidden in
   * client text); "plain": already client-safe, listed only so updates can
   * name the thing ("an expired security certificate").
   */
  kind?: "jargon" | "tool" | "plain";
  /**
   * Words that must appear within a few words of the term for this sense
   * (regex fragment, case-insensitive): "tenant" is a Microsoft 365 tenant
   * only next to Microsoft words; a property tenant is left alone.
   */
  when?: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  // Email
  {
    terms: ["Exchange admin cent(?:er|re)", "EAC"],
    plain: "email admin tools",
    plural: "email admin tools",
    kind: "tool",
  },
  { terms: ["message traces?", "mail traces?"], plain: "email delivery check" },
  { terms: ["MX[- ]records?"], plain: "email settings", plural: "email settings" },
  {
    terms: ["Meraki MX\\d*", "MX\\d{2,3}", "MX(?= (?:dashboard|appliance|firewall|security|console))"],
    plain: "network security device",
    kind: "tool",
  },
  {
    terms: ["MX"],
    plain: "email settings",
    plural: "email settings",
    caseSensitive: true,
    when: "\\b(?:records?|lookup|dns|mail|email|priority|points?|pointing|domain)\\b",
  },
  { terms: ["transport layer", "transport queue"], plain: "mail system" },
  { terms: ["transport rules?", "mail[- ]flow rules?", "transport"], plain: "mail routing setting" },
  { terms: ["inbox rules?", "forwarding rules?", "mailbox rules?"], plain: "email forwarding setting" },
  { terms: ["SPF", "DKIM", "DMARC"], plain: "email security setting", caseSensitive: true },
  { terms: ["SMTP(?: auth(?:entication)?| relay)?"], plain: "outgoing email setting" },
  { terms: ["IMAP", "POP3?"], plain: "email connection", caseSensitive: true },
  { terms: ["shared mailbox(?:es)?"], plain: "shared email account" },
  { terms: ["mailbox(?:es)?"], plain: "email account" },
  { terms: ["Exchange Online"], plain: "Microsoft email service", kind: "tool" },
  { terms: ["OST", "PST"], plain: "Outlook data file", caseSensitive: true },
  { terms: ["Outlook profiles?"], plain: "Outlook setup" },
  { terms: ["mail\\.protection\\.outlook\\.com"], plain: "email service" },
  // Certificates, remote access, network
  { terms: ["SSL VPN portal", "VPN portal"], plain: "remote access portal" },
  { terms: ["SSL VPN", "VPN tunnels?", "VPN"], plain: "remote access", plural: "remote access" },
  { terms: ["(?:SSL|TLS) cert(?:ificate)?s?", "certs?"], plain: "security certificate" },
  { terms: ["certificate authorit(?:y|ies)"], plain: "certificate provider" },
  { terms: ["CA"], plain: "certificate provider", caseSensitive: true },
  { terms: ["SSL", "TLS", "HTTPS"], plain: "secure connection", caseSensitive: true },
  { terms: ["WAN(?: interface| link| IP)?"], plain: "internet connection", caseSensitive: true },
  { terms: ["ISP"], plain: "internet provider", caseSensitive: true },
  { terms: ["LAN"], plain: "office network", caseSensitive: true },
  { terms: ["VLANs?", "subnets?"], plain: "network segment" },
  { terms: ["firewall rules?", "ACLs?"], plain: "network security rule" },
  { terms: ["firewalls?", "UTM"], plain: "network security device" },
  { terms: ["access points?"], plain: "Wi-Fi unit" },
  { terms: ["APs?"], plain: "Wi-Fi unit", caseSensitive: true },
  { terms: ["SSIDs?"], plain: "Wi-Fi network name" },
  { terms: ["DHCP(?: scope| server| lease)?"], plain: "network address assignment" },
  {
    terms: ["DNS records?", "CNAME(?: records?)?", "nameservers?", "name servers?"],
    plain: "domain setting",
  },
  { terms: ["A records?", "TXT records?"], plain: "domain setting", caseSensitive: true },
  { terms: ["DNS"], plain: "domain settings", plural: "domain settings", caseSensitive: true },
  {
    terms: ["IP address(?:es)?", "IPs?"],
    plain: "network address",
    plural: "network addresses",
    caseSensitive: true,
  },
  { terms: ["ping(?:s|ed|ing)?"], plain: "connection test" },
  {
    terms: ["traceroutes?", "tracert", "nslookup", "ipconfig", "netstat"],
    plain: "network check",
    kind: "tool",
  },
  { terms: ["port \\d{2,5}", "port forwarding"], plain: "network setting" },
  { terms: ["NAT"], plain: "network setting", caseSensitive: true },
  { terms: ["latency"], plain: "delay", plural: "delays" },
  { terms: ["packet loss"], plain: "dropped network traffic", plural: "dropped network traffic" },
  { terms: ["jitter"], plain: "call quality fluctuation" },
  { terms: ["QoS"], plain: "network prioritisation setting", caseSensitive: true },
  { terms: ["SIP trunks?", "SIP"], plain: "phone line connection", caseSensitive: true },
  { terms: ["codecs?"], plain: "call audio setting" },
  { terms: ["VoIP"], plain: "internet phone system" },
  // Identity
  {
    terms: ["conditional access(?: polic(?:y|ies))?", "CA polic(?:y|ies)"],
    plain: "sign-in security policy",
    plural: "sign-in security policies",
  },
  {
    terms: [
      "MFA",
      "2FA",
      "multi-factor authentication",
      "two-factor authentication",
      "multi-factor",
      "two-factor",
    ],
    plain: "sign-in verification",
    plural: "sign-in verification",
  },
  { terms: ["SSO"], plain: "single sign-on", plural: "single sign-on", caseSensitive: true },
  { terms: ["OAuth", "SAML"], plain: "sign-in connection", caseSensitive: false },
  { terms: ["Entra(?: ID)?", "Azure AD", "AAD"], plain: "Microsoft sign-in system", kind: "tool" },
  { terms: ["Active Directory", "AD"], plain: "user directory", caseSensitive: true },
  { terms: ["domain controllers?", "DCs?"], plain: "directory server", caseSensitive: true },
  { terms: ["GPOs?", "group polic(?:y|ies)"], plain: "computer policy", plural: "computer policies" },
  { terms: ["gpupdate"], plain: "policy refresh", kind: "tool" },
  { terms: ["DFS(?: namespace| path)?"], plain: "shared drive system", caseSensitive: true },
  { terms: ["UNC paths?"], plain: "network folder path" },
  {
    terms: ["NTFS permissions?", "ACL permissions?"],
    plain: "folder permissions",
    plural: "folder permissions",
  },
  { terms: ["tenant[- ]wide"], plain: "organization-wide", plural: "organization-wide" },
  {
    terms: ["tenants?"],
    plain: "Microsoft 365 account",
    when: "\\b(?:microsoft|m365|o365|office 365|365|azure|entra|aad|admin cent(?:er|re)|tenant id|guid|onmicrosoft|licens\\w*|sharepoint|exchange|teams|intune|global admin)\\b",
  },
  { terms: ["service accounts?", "svc accounts?"], plain: "system account" },
  { terms: ["tokens?", "session tokens?", "refresh tokens?"], plain: "sign-in session" },
  { terms: ["Intune"], plain: "device management", plural: "device management", kind: "tool" },
  // Servers, storage, endpoints
  { terms: ["SQL Agent", "SQL Server Agent"], plain: "database service", kind: "tool" },
  { terms: ["SQL(?: Server)?(?: instances?| databases?)?"], plain: "database" },
  { terms: ["transaction logs?"], plain: "database log file" },
  { terms: ["print spoolers?", "spooler(?: service)?s?"], plain: "printing service" },
  { terms: ["print servers?"], plain: "printing system" },
  { terms: ["hypervisors?", "Hyper-V", "VMware", "ESXi", "vCenter"], plain: "server platform", kind: "tool" },
  { terms: ["virtual machines?", "VMs?"], plain: "virtual server", caseSensitive: false },
  { terms: ["NAS", "SAN"], plain: "storage device", caseSensitive: true },
  { terms: ["RAID(?: arrays?)?"], plain: "disk array" },
  { terms: ["BIOS", "UEFI"], plain: "startup settings", plural: "startup settings", caseSensitive: true },
  { terms: ["TPM"], plain: "security chip", caseSensitive: true },
  { terms: ["firmware"], plain: "device software", plural: "device software" },
  { terms: ["drivers?"], plain: "device software", plural: "device software" },
  { terms: ["registry(?: keys?)?"], plain: "system setting" },
  { terms: ["event viewer", "event logs?", "syslog"], plain: "system log" },
  { terms: ["RDP", "RD gateway", "RDS"], plain: "remote desktop connection", caseSensitive: true },
  {
    terms: ["PowerShell", "command prompt", "CMD"],
    plain: "admin tools",
    plural: "admin tools",
    kind: "tool",
  },
  { terms: ["BitLocker"], plain: "drive encryption", plural: "drive encryption", kind: "tool" },
  { terms: ["APIs?"], plain: "integration", caseSensitive: true },
  {
    terms: ["EDR", "XDR", "SIEM", "SOC"],
    plain: "security monitoring",
    plural: "security monitoring",
    caseSensitive: true,
    kind: "tool",
  },
  { terms: ["IOCs?"], plain: "warning sign", caseSensitive: true },
  // Tools and vendors
  {
    terms: [
      "FortiGate",
      "Fortinet",
      "SonicWall",
      "Meraki",
      "WatchGuard",
      "pfSense",
      "Palo Alto",
      "UniFi",
      "Ubiquiti",
    ],
    plain: "network security device",
    kind: "tool",
  },
  {
    terms: ["FortiClient", "AnyConnect", "Cisco AnyConnect", "GlobalProtect", "OpenVPN", "WireGuard"],
    plain: "remote access app",
    kind: "tool",
  },
  {
    terms: [
      "ConnectWise(?: Manage| Automate| Control)?",
      "ScreenConnect",
      "Autotask",
      "HaloPSA",
      "NinjaOne",
      "NinjaRMM",
      "N-able",
      "N-central",
      "Kaseya",
      "Datto RMM",
      "IT Glue",
      "Hudu",
      "Liongard",
      "Auvik",
      "PRTG",
      "Zabbix",
      "Nagios",
      "RMM",
      "PSA",
    ],
    plain: "our management tools",
    plural: "our management tools",
    kind: "tool",
  },
  {
    terms: ["TeamViewer", "AnyDesk", "Splashtop", "LogMeIn"],
    plain: "our remote support tool",
    kind: "tool",
  },
  { terms: ["Veeam", "Datto", "Acronis", "Axcient", "StorageCraft"], plain: "backup system", kind: "tool" },
  { terms: ["Mimecast", "Proofpoint", "Barracuda"], plain: "email filtering service", kind: "tool" },
  {
    terms: [
      "SentinelOne",
      "CrowdStrike",
      "Huntress",
      "Sophos",
      "Webroot",
      "Bitdefender",
      "Defender for Endpoint",
      "Sentinel",
      "Splunk",
      "Wazuh",
      "Graylog",
    ],
    plain: "our security tools",
    plural: "our security tools",
    kind: "tool",
  },
  {
    terms: ["Wireshark", "PuTTY", "WinSCP", "SSMS", "SQL Server Management Studio", "What If tool"],
    plain: "our diagnostic tools",
    plural: "our diagnostic tools",
    kind: "tool",
  },
  // Plain things, named as they are
  { terms: ["security certificates?", "certificates?"], plain: "security certificate", kind: "plain" },
  { terms: ["printers?", "copiers?", "scanners?"], plain: "printer", kind: "plain" },
  { terms: ["toner(?: cartridges?)?", "ink cartridges?"], plain: "toner cartridge", kind: "plain" },
  { terms: ["passwords?"], plain: "password", kind: "plain" },
  { terms: ["licen[cs]es?", "subscriptions?"], plain: "licence", kind: "plain" },
  { terms: ["hard drives?", "disks?", "drives?"], plain: "disk", kind: "plain" },
  {
    terms: ["laptops?", "workstations?", "desktops?", "PCs?", "computers?"],
    plain: "computer",
    kind: "plain",
  },
  { terms: ["batter(?:y|ies)", "UPS"], plain: "battery backup", kind: "plain" },
  { terms: ["backups?", "backup jobs?"], plain: "backup", kind: "plain" },
  { terms: ["storage"], plain: "storage", plural: "storage", kind: "plain" },
  { terms: ["cables?", "power supply", "power supplies"], plain: "cable", kind: "plain" },
  { terms: ["website", "web site", "site"], plain: "website", kind: "plain" },
  { terms: ["domains?"], plain: "domain", kind: "plain" },
  { terms: ["user accounts?", "accounts?"], plain: "account", kind: "plain" },
];

/** One compiled glossary entry. */
export interface CompiledEntry {
  entry: GlossaryEntry;
  pattern: RegExp;
  /** The sense condition, if any: tested on the text around a match. */
  when?: RegExp;
}

/** How far either side of a term its sense words may be. */
const SENSE_WINDOW = 60;

/** Whether a match at `index` is in the entry's sense ("tenant" next to Microsoft words). */
export function inSense(compiled: CompiledEntry, text: string, index: number, length: number): boolean {
  if (!compiled.when) return true;
  const around = `${text.slice(Math.max(0, index - SENSE_WINDOW), index)} ${text.slice(index + length, index + length + SENSE_WINDOW)}`;
  return compiled.when.test(around);
}

function compile(entry: GlossaryEntry): CompiledEntry {
  const body = entry.terms.join("|");
  return {
    entry,
    pattern: new RegExp(
      `(?<![A-Za-z0-9_@./\\\\])(?:${body})(?![A-Za-z0-9_@\\\\]|\\.[A-Za-z0-9])`,
      entry.caseSensitive ? "g" : "gi",
    ),
    when: entry.when ? new RegExp(entry.when, "i") : undefined,
  };
}

export const COMPILED_GLOSSARY: readonly CompiledEntry[] = GLOSSARY.map(compile);
