/**
 * iptables-mode rule generation: a whole node's ruleset from Services and EndpointSlices.
 * Per-service rules come from {@link serviceFragment}; {@link assembleRuleset} stitches the
 * fragments and the always-present chains into tables (used incrementally by KubeProxy).
 */
import type { ProxyInput, ResolvedProxyConfig } from '../config';
import { resolveProxyConfig } from '../config';
import type { Chain, Rule, Ruleset, Table, TableName } from '../model';
import { BUILTIN_CHAINS } from '../model';
import { endpointsForPort, servicePorts, slicesForService } from '../serviceInfo';
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
import { serviceFragment } from './serviceRules';

/** Generates the complete iptables ruleset kube-proxy (and kubelet) leave on one node. */
export function generateRules(input: ProxyInput): Ruleset {
  const config = resolveProxyConfig(input.config);
  const perService = input.services.map((svc) => {
    const slices = slicesForService(svc, input.endpointSlices);
    return servicePorts(svc).map((info) => ({ info, endpoints: endpointsForPort(info, slices, input.node.name) }));
  }).flat();
  const total = perService.reduce((n, s) => n + s.endpoints.length, 0);
  const largeCluster = total > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  const fragments = perService.map(({ info, endpoints }) => serviceFragment(info, endpoints, { config, nodeIPs: input.node.ips, largeCluster }));
  return assembleRuleset(fragments, config, input.node.ips);
}

/**
 * Builds the tables from service fragments. Cross-service order in shared chains is the
 * fragments' key order (a real node uses Go map order, which is not stable; we choose sorted).
 */
export function assembleRuleset(fragments: readonly ServiceFragment[], config: ResolvedProxyConfig, nodeIPs: readonly string[]): Ruleset {
  const sorted = [...fragments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const tables: Record<TableName, Map<string, Chain>> = { mangle: new Map(), filter: new Map(), nat: new Map() };
  const chain = (t: TableName, name: string): Chain => {
    let c = tables[t].get(name);
    if (!c) {
      c = BUILTIN_CHAINS[t].includes(name) ? { name, policy: 'ACCEPT', rules: [] } : { name, rules: [] };
      tables[t].set(name, c);
    }
    return c;
  };
  for (const t of ['mangle', 'filter', 'nat'] as const) for (const b of BUILTIN_CHAINS[t]) chain(t, b);
  for (const n of [KUBE_IPTABLES_HINT, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('mangle', n);
  for (const n of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL, KUBELET_FIREWALL, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('filter', n);
  for (const n of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ, KUBELET_CANARY, KUBE_PROXY_CANARY]) chain('nat', n);

  for (const b of builtinChainRules()) chain(b.table, b.chain).rules.push(b.rule);
  for (const { chain: c, rule } of filterHousekeepingRules(config)) chain('filter', c).rules.push(rule);
  for (const { chain: c, rule } of masqueradeRules(config)) chain('nat', c).rules.push(rule);

  for (const f of sorted) {
    for (const s of f.shared) chain(s.table, s.chain).rules.push(s.rule);
    for (const own of f.natChains) tables.nat.set(own.name, own);
  }
  const last: Rule[] = nodePortsJumpRules(config, nodeIPs);
  chain('nat', KUBE_SERVICES).rules.push(...last);

  const toTable = (name: TableName): Table => ({ name, chains: [...tables[name].values()] });
  return { tables: [toTable('mangle'), toTable('filter'), toTable('nat')] };
}
