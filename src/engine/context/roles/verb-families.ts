/**
 * What a verb does in a troubleshooting session, by infinitive. Prefixed
 * forms ("re-granted", "reprovisioned", "unblocked") reach their family
 * through the bare verb, so the lists name bare verbs.
 *
 * - change: alters the client's systems; once a cause is known (or when no
 *   diagnosis is needed, as in a lost phone) it is fix work.
 * - trial: quick remedies tried while investigating (restart, retry).
 * - check: looks without changing.
 * - communicate: talks to people.
 * - wait: waits on someone or something.
 * - outcome: what a system or person does when things work ("boots", "prints").
 * - fault: what goes wrong ("crashes", "expired", "stopped").
 * - cause: explains a fault ("causing", "blocks", "explains").
 */
export type VerbFamily =
  | "change"
  | "trial"
  | "check"
  | "communicate"
  | "wait"
  | "outcome"
  | "fault"
  | "cause";

const FAMILIES: Record<VerbFamily, string> = {
  change: `activate add adjust allow allow-list apply assign associate attach bind block bump change clean
    configure correct create decommission delete deploy detach disable downgrade edit enable enroll exclude expand
    extend fix free grant harden import increase install isolate issue license licence link lock lower map mark merge
    migrate modify move order patch point populate promote provision publish purge push quarantine raise rebuild
    recreate register reimage remove rename renew repair replace reset resize restore revert revoke roll rotate
    schedule secure set shrink submit suspend swap switch tighten transfer truncate unlock unjoin update upgrade
    whitelist wipe write backfill clone reassign recover rollback uninstall blocklist geofence offboard onboard
    reconfigure misconfigure deprovision reprovision reissue rebind reenroll`,
  trial: `restart reboot retry try reseat flush refresh relaunch reconnect cycle bounce kick reload rerun toggle
    gpupdate recycle clear repush reapply`,
  check: `analyse analyze audit benchmark capture check collect compare confirm connect count debug diff dig
    enumerate examine export find gather grab inspect investigate list log look measure monitor narrow notice open
    parse ping probe pull query read remote reproduce review run scan search see spot-check test trace verify view
    watch walk inventory observe sample spot`,
  communicate: `ask brief call chase contact email escalate follow inform message notify phone ping post reply
    send speak talk tell text update warn explain schedule loop`,
  wait: "await wait hold",
  outcome: `boot connect flow launch load open pass print receive resolve respond sign succeed sync work come
    appear show deliver reach arrive complete finish replicate propagate`,
  fault: `break crash drop expire fail fill freeze hang lock lose corrupt error stop stall time timeout bounce
    reject deny block spin disconnect die overheat leak trip`,
  cause: "cause explain trigger prevent stem block break drive lead",
};

/** Verbs listed in more than one family take the first of these, unless the statement settles it. */
const PRECEDENCE: VerbFamily[] = [
  "change",
  "trial",
  "wait",
  "check",
  "communicate",
  "cause",
  "outcome",
  "fault",
];

/** Every family a verb belongs to, in precedence order. */
export const FAMILY_OF: ReadonlyMap<string, readonly VerbFamily[]> = (() => {
  const map = new Map<string, VerbFamily[]>();
  for (const family of PRECEDENCE) {
    for (const verb of FAMILIES[family].split(/\s+/).filter(Boolean)) {
      const list = map.get(verb) ?? [];
      list.push(family);
      map.set(verb, list);
    }
  }
  return map;
})();

/** Prefixes that keep a verb's family: "unblock", "re-enable", "reprovision". */
const PREFIX = /^(?:re-?|un-?|[a-z]+-)(?=[a-z]{3})/;

export function familiesOf(infinitive: string): readonly VerbFamily[] {
  return (
    FAMILY_OF.get(infinitive) ??
    FAMILY_OF.get(infinitive.replace(/-/g, "")) ??
    FAMILY_OF.get(infinitive.replace(PREFIX, "")) ??
    []
  );
}
