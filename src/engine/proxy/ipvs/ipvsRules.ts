/**
 * The (constant-size) iptables rules kube-proxy's IPVS mode programs, transcribed from
 * pkg/proxy/ipvs/proxier.go (iptablesJumpChain, iptablesChains, ipsetWithIptablesChain,
 * writeIptablesRules, acceptIPVSTraffic). Service-specific data lives in the ipsets.
 */
import type { ProxyInput } from '../config';
import { resolveProxyConfig } from '../config';
import { KUBELET_CANARY, KUBELET_FIREWALL, KUBE_IPTABLES_HINT, KUBE_PROXY_CANARY } from '../iptables/chainNames';
import { comment, jump, rule } from '../iptables/ruleBuilders';
import type { Chain, Ipset, L4Protocol, Match, Provenance, Rule, Ruleset, TableName } from '../model';
import { BUILTIN_CHAINS } from '../model';
import type { PortEndpoints } from '../serviceInfo';
import { allPortEndpoints } from '../serviceInfo';
import { buildIpsets } from './ipsets';

const prov: Provenance = { owner: 'kube-proxy' };
const set = (name: string, flags: string): Match => ({ kind: 'set', name, flags });

/** `iptablesJumpChain` (each prepended in turn, so later ones end up first). */
const JUMPS: { table: TableName; from: string; to: string; comment: string }[] = [
  { table: 'nat', from: 'OUTPUT', to: 'KUBE-SERVICES', comment: 'kubernetes service portals' },
  { table: 'nat', from: 'PREROUTING', to: 'KUBE-SERVICES', comment: 'kubernetes service portals' },
  { table: 'nat', from: 'POSTROUTING', to: 'KUBE-POSTROUTING', comment: 'kubernetes postrouting rules' },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-FORWARD', comment: 'kubernetes forwarding rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-NODE-PORT', comment: 'kubernetes health check rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-PROXY-FIREWALL', comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'FORWARD', to: 'KUBE-PROXY-FIREWALL', comment: 'kube-proxy firewall rules' },
  { table: 'filter', from: 'INPUT', to: 'KUBE-IPVS-FILTER', comment: 'kubernetes ipvs access filter' },
  { table: 'filter', from: 'OUTPUT', to: 'KUBE-IPVS-OUT-FILTER', comment: 'kubernetes ipvs access filter' },
];

/** `ipsetWithIptablesChain`: one rule per non-empty set. */
const SET_RULES: { set: string; table: TableName; from: string; to: string; flags: string; proto?: L4Protocol }[] = [
  { set: 'KUBE-LOOP-BACK', table: 'nat', from: 'KUBE-POSTROUTING', to: 'MASQUERADE', flags: 'dst,dst,src' },
  { set: 'KUBE-LOAD-BALANCER', table: 'nat', from: 'KUBE-SERVICES', to: 'KUBE-LOAD-BALANCER', flags: 'dst,dst' },
  { set: 'KUBE-LOAD-BALANCER-LOCAL', table: 'nat', from: 'KUBE-LOAD-BALANCER', to: 'RETURN', flags: 'dst,dst' },
  { set: 'KUBE-NODE-PORT-LOCAL-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', flags: 'dst', proto: 'tcp' },
  { set: 'KUBE-NODE-PORT-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', flags: 'dst', proto: 'tcp' },
  { set: 'KUBE-NODE-PORT-LOCAL-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', flags: 'dst', proto: 'udp' },
  { set: 'KUBE-NODE-PORT-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', flags: 'dst', proto: 'udp' },
  { set: 'KUBE-LOAD-BALANCER-FW', table: 'filter', from: 'KUBE-PROXY-FIREWALL', to: 'KUBE-SOURCE-RANGES-FIREWALL', flags: 'dst,dst' },
  { set: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', flags: 'dst,dst,src' },
  { set: 'KUBE-LOAD-BALANCER-SOURCE-IP', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', flags: 'dst,dst,src' },
];

const target = (to: string) => (to === 'RETURN' ? { kind: 'RETURN' as const } : to === 'MASQUERADE' ? { kind: 'MASQUERADE' as const } : jump(to));

/** The IPVS-mode iptables ruleset of one node, with its ipsets (`ports` as for generateIpvs). */
export function generateIpvsIptables(input: ProxyInput, ports: readonly PortEndpoints[] = allPortEndpoints(input.services, input.endpointSlices, input.node.name)): Ruleset {
  const config = resolveProxyConfig(input.config);
  const ipsets = buildIpsets(ports);
  const nonEmpty = (name: string) => (ipsets[name]?.entries.length ?? 0) > 0;
  const tables: Record<TableName, Map<string, Chain>> = { mangle: new Map(), filter: new Map(), nat: new Map() };
  const chain = (t: TableName, name: string): Chain => {
    let c = tables[t].get(name);
    if (!c) tables[t].set(name, (c = BUILTIN_CHAINS[t].includes(name) ? { name, policy: 'ACCEPT', rules: [] } : { name, rules: [] }));
    return c;
  };
  const push = (t: TableName, c: string, r: Rule) => chain(t, c).rules.push(r);
  for (const t of ['mangle', 'filter', 'nat'] as const) for (const b of BUILTIN_CHAINS[t]) chain(t, b);
  for (const n of [KUBE_IPTABLES_HINT, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('mangle', n);
  for (const n of ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ', KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('nat', n);
  for (const n of ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER', KUBELET_FIREWALL, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('filter', n);

  // kubelet first appends its KUBE-FIREWALL jumps; kube-proxy then prepends its own.
  push('filter', 'INPUT', rule({ target: jump(KUBELET_FIREWALL) }, { owner: 'kubelet' }, 'kubelet blocks connections to 127.0.0.0/8 that come from elsewhere.'));
  push('filter', 'OUTPUT', rule({ target: jump(KUBELET_FIREWALL) }, { owner: 'kubelet' }, 'kubelet blocks connections to 127.0.0.0/8 that come from elsewhere.'));
  push('filter', KUBELET_FIREWALL, rule({ notSrc: '127.0.0.0/8', dst: '127.0.0.0/8', matches: [comment('block incoming localnet connections'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], negate: true }], target: { kind: 'DROP' } }, { owner: 'kubelet' },
    'Drops new connections to 127.0.0.0/8 that arrive from another host.'));
  for (const j of JUMPS) chain(j.table, j.from).rules.unshift(rule({ matches: [comment(j.comment)], target: jump(j.to) }, prov, `Hands packets to ${j.to}.`));

  push('nat', 'KUBE-SERVICES', rule({ src: '127.0.0.0/8', target: { kind: 'RETURN' } }, prov, 'Connections from localhost are not Service traffic.'));
  for (const s of SET_RULES) {
    if (!nonEmpty(s.set)) continue;
    const r: Parameters<typeof rule>[0] = { matches: [comment(ipsets[s.set]!.comment), set(s.set, s.flags)], target: target(s.to) };
    if (s.proto) r.protocol = s.proto;
    push(s.table, s.from, rule(r, prov, `Packets matching ipset ${s.set} (${ipsets[s.set]!.comment}) go to ${s.to}.`));
  }
  if (nonEmpty('KUBE-CLUSTER-IP')) {
    const matches = [comment(ipsets['KUBE-CLUSTER-IP']!.comment), set('KUBE-CLUSTER-IP', config.masqueradeAll || config.clusterCIDR ? 'dst,dst' : 'src,dst')];
    const parts = config.masqueradeAll || !config.clusterCIDR ? { matches, target: jump('KUBE-MARK-MASQ') } : { notSrc: config.clusterCIDR, matches, target: jump('KUBE-MARK-MASQ') };
    push('nat', 'KUBE-SERVICES', rule(parts, prov, 'Connections to a cluster IP that do not come from a pod are marked for SNAT.'));
  }
  for (const name of ['KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    if (!nonEmpty(name)) continue;
    const base = () => [comment(ipsets[name]!.comment), set(name, 'dst,dst')];
    if (name === 'KUBE-EXTERNAL-IP') push('nat', 'KUBE-SERVICES', rule({ matches: base(), target: jump('KUBE-MARK-MASQ') }, prov, 'Connections to external IPs are marked for SNAT.'));
    push('nat', 'KUBE-SERVICES', rule({ matches: [...base(), { kind: 'physdev', isIn: true, negate: true }, { kind: 'addrtype', srcType: 'LOCAL', negateSrc: true }], target: { kind: 'ACCEPT' } }, prov, 'Off-machine traffic to an external IP is accepted for IPVS.'));
    push('nat', 'KUBE-SERVICES', rule({ matches: [...base(), { kind: 'addrtype', dstType: 'LOCAL' }], target: { kind: 'ACCEPT' } }, prov, 'Traffic to an external IP that is local to this node stays local.'));
  }
  push('nat', 'KUBE-SERVICES', rule({ matches: [{ kind: 'addrtype', dstType: 'LOCAL' }], target: jump('KUBE-NODE-PORT') }, prov, 'Traffic addressed to this node is checked against the NodePort sets.'));
  push('nat', 'KUBE-LOAD-BALANCER', rule({ target: jump('KUBE-MARK-MASQ') }, prov, 'Load-balancer traffic is marked for SNAT.'));
  push('filter', 'KUBE-SOURCE-RANGES-FIREWALL', rule({ target: { kind: 'DROP' } }, prov, 'Load-balancer traffic from outside loadBalancerSourceRanges is dropped.'));
  for (const name of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) {
    if (nonEmpty(name)) push('nat', 'KUBE-SERVICES', rule({ matches: [set(name, 'dst,dst')], target: { kind: 'ACCEPT' } }, prov, `Traffic to ${name} addresses is accepted so IPVS can handle it.`));
  }
  const m = config.masqueradeMark;
  push('filter', 'KUBE-FORWARD', rule({ matches: [comment('kubernetes forwarding rules'), { kind: 'mark', mark: m, mask: m }], target: { kind: 'ACCEPT' } }, prov, 'Accepts forwarded packets that kube-proxy marked for SNAT.'));
  push('filter', 'KUBE-FORWARD', rule({ matches: [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], target: { kind: 'ACCEPT' } }, prov, 'Accepts the rest of connections already accepted.'));
  push('filter', 'KUBE-NODE-PORT', rule({ matches: [comment(ipsets['KUBE-HEALTH-CHECK-NODE-PORT']!.comment), set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], target: { kind: 'ACCEPT' } }, prov, 'Accepts load-balancer health checks.'));
  for (const name of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    push('filter', 'KUBE-IPVS-FILTER', rule({ matches: [set(name, 'dst,dst')], target: { kind: 'RETURN' } }, prov, `Service ports in ${name} are allowed.`));
  }
  push('filter', 'KUBE-IPVS-FILTER', rule({ matches: [set('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], target: { kind: 'RETURN' } }, prov, 'Health-check node ports are allowed.'));
  push('filter', 'KUBE-IPVS-FILTER', rule({ matches: [{ kind: 'conntrack', states: ['NEW'] }, set('KUBE-IPVS-IPS', 'dst')], target: { kind: 'REJECT', rejectWith: 'icmp-port-unreachable' } }, prov,
    'Other ports on a Service IP are refused: the node must not be reachable through Service addresses.'));
  push('nat', 'KUBE-POSTROUTING', rule({ matches: [{ kind: 'mark', mark: m, mask: m, negate: true }], target: { kind: 'RETURN' } }, prov, 'Packets kube-proxy did not mark for SNAT leave unchanged.'));
  push('nat', 'KUBE-POSTROUTING', rule({ target: { kind: 'MARK', mark: m, mask: 0 } }, prov, 'Clears the SNAT mark so the packet is not masqueraded twice.'));
  push('nat', 'KUBE-POSTROUTING', rule({ matches: [comment('kubernetes service traffic requiring SNAT')], target: { kind: 'MASQUERADE', randomFully: config.randomFully } }, prov, "Source-NATs the packet to this node's address."));
  push('nat', 'KUBE-MARK-MASQ', rule({ target: { kind: 'MARK', mark: m, mask: m } }, prov, `Sets mark 0x${m.toString(16)} to request SNAT in POSTROUTING.`));

  const toTable = (name: TableName) => ({ name, chains: [...tables[name].values()] });
  return { tables: [toTable('mangle'), toTable('filter'), toTable('nat')], ipsets: ipsets as Record<string, Ipset> };
}
