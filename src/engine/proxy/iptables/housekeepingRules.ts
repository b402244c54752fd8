/**
 * The rules that exist on every node whatever the Services: kube-proxy's jump rules from the
 * built-in chains (`iptablesJumpChains`, prepended, so the last one listed ends up first),
 * KUBE-POSTROUTING / KUBE-MARK-MASQ / KUBE-FORWARD, and kubelet's KUBE-FIREWALL and canaries.
 */
import type { ResolvedProxyConfig } from '../config';
import type { Match, Provenance, Rule, TableName } from '../model';
import { cidrContains } from '../serviceInfo';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  KUBELET_FIREWALL,
} from './chainNames';
import { comment, jump, rule } from './ruleBuilders';

const proxyProv: Provenance = { owner: 'kube-proxy' };
const kubeletProv: Provenance = { owner: 'kubelet' };
const ctNew: Match = { kind: 'conntrack', states: ['NEW'] };

interface JumpSpec {
  table: TableName;
  dst: string;
  src: string;
  comment: string;
  ctNew: boolean;
  why: string;
}

/** `iptablesJumpChains` in proxier.go order. */
const JUMPS: JumpSpec[] = [
  { table: 'filter', dst: KUBE_EXTERNAL_SERVICES, src: 'INPUT', comment: 'kubernetes externally-visible service portals', ctNew: true, why: 'New connections arriving for this host are checked for Services without usable endpoints.' },
  { table: 'filter', dst: KUBE_EXTERNAL_SERVICES, src: 'FORWARD', comment: 'kubernetes externally-visible service portals', ctNew: true, why: 'New forwarded connections are checked for Services without usable endpoints.' },
  { table: 'filter', dst: KUBE_NODEPORTS, src: 'INPUT', comment: 'kubernetes health check service ports', ctNew: false, why: 'Load-balancer health-check ports are accepted here.' },
  { table: 'filter', dst: KUBE_SERVICES, src: 'FORWARD', comment: 'kubernetes service portals', ctNew: true, why: 'New forwarded connections to cluster IPs without endpoints are rejected here.' },
  { table: 'filter', dst: KUBE_SERVICES, src: 'OUTPUT', comment: 'kubernetes service portals', ctNew: true, why: 'New local connections to cluster IPs without endpoints are rejected here.' },
  { table: 'filter', dst: KUBE_FORWARD, src: 'FORWARD', comment: 'kubernetes forwarding rules', ctNew: false, why: 'Forwarded Service traffic is accepted even if the FORWARD policy is DROP.' },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'INPUT', comment: 'kubernetes load balancer firewall', ctNew: true, why: 'Enforces loadBalancerSourceRanges for traffic to this host.' },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'OUTPUT', comment: 'kubernetes load balancer firewall', ctNew: true, why: 'Enforces loadBalancerSourceRanges for local traffic.' },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'FORWARD', comment: 'kubernetes load balancer firewall', ctNew: true, why: 'Enforces loadBalancerSourceRanges for forwarded traffic.' },
  { table: 'nat', dst: KUBE_SERVICES, src: 'OUTPUT', comment: 'kubernetes service portals', ctNew: false, why: 'Connections started on this node are matched against every Service.' },
  { table: 'nat', dst: KUBE_SERVICES, src: 'PREROUTING', comment: 'kubernetes service portals', ctNew: false, why: 'Connections arriving from pods or the network are matched against every Service.' },
  { table: 'nat', dst: KUBE_POSTROUTING, src: 'POSTROUTING', comment: 'kubernetes postrouting rules', ctNew: false, why: 'Packets leaving the node are source-NATed if kube-proxy marked them.' },
];

export interface BuiltinRule {
  table: TableName;
  chain: string;
  rule: Rule;
}

/**
 * Rules in built-in chains, in final order. kubelet starts first and appends its KUBE-FIREWALL
 * jumps to INPUT and OUTPUT; kube-proxy then prepends each of its jumps in turn.
 */
export function builtinChainRules(): BuiltinRule[] {
  const byChain = new Map<string, BuiltinRule[]>();
  const key = (t: TableName, c: string) => `${t}/${c}`;
  for (const c of ['INPUT', 'OUTPUT']) {
    byChain.set(key('filter', c), [{ table: 'filter', chain: c, rule: rule({ target: jump(KUBELET_FIREWALL) }, kubeletProv, 'kubelet blocks connections to 127.0.0.0/8 that come from elsewhere.') }]);
  }
  for (const j of JUMPS) {
    const list = byChain.get(key(j.table, j.src)) ?? [];
    const matches = j.ctNew ? [ctNew, comment(j.comment)] : [comment(j.comment)];
    list.unshift({ table: j.table, chain: j.src, rule: rule({ matches, target: jump(j.dst) }, proxyProv, j.why) });
    byChain.set(key(j.table, j.src), list);
  }
  return [...byChain.values()].flat();
}

/** KUBE-POSTROUTING and KUBE-MARK-MASQ (nat). */
export function masqueradeRules(config: ResolvedProxyConfig): { chain: string; rule: Rule }[] {
  const m = config.masqueradeMark;
  return [
    { chain: KUBE_POSTROUTING, rule: rule({ matches: [{ kind: 'mark', mark: m, mask: m, negate: true }], target: { kind: 'RETURN' } }, proxyProv, 'Packets kube-proxy did not mark for SNAT leave unchanged.') },
    { chain: KUBE_POSTROUTING, rule: rule({ target: { kind: 'MARK', mark: m, mask: 0 } }, proxyProv, 'Clears the SNAT mark so the packet is not masqueraded twice.') },
    { chain: KUBE_POSTROUTING, rule: rule({ matches: [comment('kubernetes service traffic requiring SNAT')], target: { kind: 'MASQUERADE', randomFully: config.randomFully } }, proxyProv,
      "Source-NATs the packet to this node's address so the reply comes back through this node.") },
    { chain: KUBE_MARK_MASQ, rule: rule({ target: { kind: 'MARK', mark: m, mask: m } }, proxyProv, `Sets mark 0x${m.toString(16)} to request SNAT in POSTROUTING.`) },
  ];
}

/** KUBE-FORWARD and kube-proxy's copy of kubelet's KUBE-FIREWALL rule (filter). */
export function filterHousekeepingRules(config: ResolvedProxyConfig): { chain: string; rule: Rule }[] {
  const m = config.masqueradeMark;
  const out: { chain: string; rule: Rule }[] = [];
  if (config.localhostNodePorts) {
    out.push({ chain: KUBELET_FIREWALL, rule: rule({ notSrc: '127.0.0.0/8', dst: '127.0.0.0/8', matches: [comment('block incoming localnet connections'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED', 'DNAT'], negate: true }], target: { kind: 'DROP' } }, kubeletProv,
      'Drops new connections to 127.0.0.0/8 that arrive from another host (route_localnet is on for localhost NodePorts).') });
  }
  if (!config.conntrackTCPLiberal) {
    const matches: Match[] = [{ kind: 'conntrack', states: ['INVALID'] }];
    if (config.nfacct) matches.push({ kind: 'nfacct', name: 'ct_state_invalid_dropped_pkts' });
    out.push({ chain: KUBE_FORWARD, rule: rule({ matches, target: { kind: 'DROP' } }, proxyProv, 'Drops packets conntrack considers INVALID, which would otherwise cause spurious resets.') });
  }
  out.push({ chain: KUBE_FORWARD, rule: rule({ matches: [comment('kubernetes forwarding rules'), { kind: 'mark', mark: m, mask: m }], target: { kind: 'ACCEPT' } }, proxyProv, 'Accepts forwarded packets that kube-proxy marked for SNAT.') });
  out.push({ chain: KUBE_FORWARD, rule: rule({ matches: [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', states: ['RELATED', 'ESTABLISHED'] }], target: { kind: 'ACCEPT' } }, proxyProv, 'Accepts the rest of connections already accepted.') });
  return out;
}

/** The last KUBE-SERVICES rule: hand anything addressed to this node to KUBE-NODEPORTS. */
export function nodePortsJumpRules(config: ResolvedProxyConfig, nodeIPs: readonly string[]): Rule[] {
  const text = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';
  const why = 'Anything addressed to this node that matched no Service IP is checked against the NodePorts.';
  if (!config.nodePortAddresses) {
    const parts = config.localhostNodePorts
      ? { matches: [comment(text), { kind: 'addrtype', dstType: 'LOCAL' } as Match], target: jump(KUBE_NODEPORTS) }
      : { notDst: '127.0.0.0/8', matches: [comment(text), { kind: 'addrtype', dstType: 'LOCAL' } as Match], target: jump(KUBE_NODEPORTS) };
    return [rule(parts, proxyProv, why)];
  }
  const cidrs = config.nodePortAddresses;
  const ips = [...nodeIPs, '127.0.0.1'].filter((ip) => cidrs.some((c) => cidrContains(c, ip)));
  return ips
    .filter((ip) => !ip.startsWith('127.') || config.localhostNodePorts)
    .map((ip) => rule({ dst: ip, matches: [comment(text)], target: jump(KUBE_NODEPORTS) }, proxyProv, `NodePorts are served only on ${ip} (--nodeport-addresses).`));
}
