/**
 * iptables-mode rule generation: a whole node's ruleset from Services and EndpointSlices.
 * Per-service rules come from {@link serviceFragment}; {@link assembleRuleset} stitches the
 * fragments and the always-present chains into tables (used incrementally by KubeProxy).
 */
import type { ProxyInput, ResolvedProxyConfig } from '../config';
import { resolveProxyConfig } from '../config';
import type { Chain, Rule, Ruleset, Table, TableName } from '../model';
import { BUILTIN_CHAINS } from '../model';
import { endpointsForPort, servicePorts, sliceLookup } from '../serviceInfo';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FORWARD,
  KUBE_IPTABLES_HINT,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_CANARY,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  KUBELET_CANARY,
  KUBELET_FIREWALL,
  LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
} from './chainNames';
import { builtinChainRules, filterHousekeepingRules, masqueradeRules, nodePortsJumpRules } from './housekeepingRules';
import type { ServiceFragment } from './serviceRules';
import { ownNatChains, serviceFragment } from './serviceRules';

/** Generates the complete iptables ruleset kube-proxy (and kubelet) leave on one node. */
export function generateRules(input: ProxyInput): Ruleset {
  const config = resolveProxyConfig(input.config);
  const slicesOf = sliceLookup(input.endpointSlices);
  const perService = input.services.map((svc) => {
    const slices = slicesOf(svc);
    return servicePorts(svc).map((info) => ({ info, endpoints: endpointsForPort(info, slices, input.node.name) }));
  }).flat();
  const total = perService.reduce((n, s) => n + s.endpoints.length, 0);
  const largeCluster = total > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  const fragments = perService.map(({ info, endpoints }) => serviceFragment(info, endpoints, { config, nodeIPs: input.node.ips, largeCluster }));
  return assembleRuleset(fragments, config, input.node.ips);
}

/** A chain before any Service is added: its always-present rules before and after the Services' own. */
export interface ChainSkeleton {
  name: string;
  policy?: 'ACCEPT';
  /** Housekeeping rules, first in the chain. */
  head: Rule[];
  /** Rules that stay last (the KUBE-NODEPORTS jump at the end of nat KUBE-SERVICES). */
  tail: Rule[];
}

/**
 * Every chain that exists whatever the Services, per table in `iptables-save` declaration order
 * (built-ins, then kube-proxy's and kubelet's own chains), with its fixed rules.
 */
export function rulesetSkeleton(config: ResolvedProxyConfig, nodeIPs: readonly string[]): Record<TableName, ChainSkeleton[]> {
  const tables: Record<TableName, Map<string, ChainSkeleton>> = { mangle: new Map(), filter: new Map(), nat: new Map() };
  const chain = (t: TableName, name: string): ChainSkeleton => {
    let c = tables[t].get(name);
    if (!c) {
      c = BUILTIN_CHAINS[t].includes(name) ? { name, policy: 'ACCEPT', head: [], tail: [] } : { name, head: [], tail: [] };
      tables[t].set(name, c);
    }
    return c;
  };
  for (const t of ['mangle', 'filter', 'nat'] as const) for (const b of BUILTIN_CHAINS[t]) chain(t, b);
  for (const n of [KUBE_IPTABLES_HINT, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('mangle', n);
  for (const n of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL, KUBELET_FIREWALL, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('filter', n);
  for (const n of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('nat', n);

  for (const b of builtinChainRules()) chain(b.table, b.chain).head.push(b.rule);
  for (const { chain: c, rule } of filterHousekeepingRules(config)) chain('filter', c).head.push(rule);
  for (const { chain: c, rule } of masqueradeRules(config)) chain('nat', c).head.push(rule);
  chain('nat', KUBE_SERVICES).tail.push(...nodePortsJumpRules(config, nodeIPs));
  return { mangle: [...tables.mangle.values()], filter: [...tables.filter.values()], nat: [...tables.nat.values()] };
}

/** A skeleton chain as a model Chain with `middle` between its head and tail rules. */
export function skeletonChain(c: ChainSkeleton, middle: readonly Rule[]): Chain {
  const rules = [...c.head, ...middle, ...c.tail];
  return c.policy ? { name: c.name, policy: c.policy, rules } : { name: c.name, rules };
}

/** Fragment order in shared chains (JS string order of the keys, the same everywhere). */
export const byFragmentKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Builds the tables from service fragments. Cross-service order in shared chains is the
 * fragments' key order (a real node uses Go map order, which is not stable; we choose sorted).
 * The Services' own nat chains follow the skeleton's, in the same order.
 */
export function assembleRuleset(fragments: readonly ServiceFragment[], config: ResolvedProxyConfig, nodeIPs: readonly string[]): Ruleset {
  const sorted = [...fragments].sort(byFragmentKey);
  const skeleton = rulesetSkeleton(config, nodeIPs);
  const middle = new Map<string, Rule[]>();
  const own: Chain[] = [];
  for (const f of sorted) {
    for (const s of f.shared) {
      const k = s.key;
      const list = middle.get(k);
      if (list) list.push(s.rule);
      else middle.set(k, [s.rule]);
    }
    own.push(...ownNatChains(f));
  }
  for (const k of middle.keys()) {
    const [t, c] = k.split('/') as [TableName, string];
    if (!skeleton[t].some((x) => x.name === c)) throw new Error(`service rule in ${k}, a chain kube-proxy does not share`);
  }
  const toTable = (name: TableName): Table => {
    const chains = skeleton[name].map((c) => skeletonChain(c, middle.get(`${name}/${c.name}`) ?? []));
    return { name, chains: name === 'nat' ? chains.concat(own) : chains };
  };
  return { tables: [toTable('mangle'), toTable('filter'), toTable('nat')] };
}
