/**
 * The rules one Service port contributes, transcribed from `syncProxyRules` and
 * `writeServiceToEndpointRules` in pkg/proxy/iptables/proxier.go. A fragment holds the rules
 * it adds to shared chains (KUBE-SERVICES, KUBE-NODEPORTS, filter chains) and the chains it
 * owns (KUBE-SVC/SVL/EXT/FW/SEP), so a change to one Service regenerates only its fragment.
 */
import type { ResolvedProxyConfig } from '../config';
import { servicePortChains } from '../hash';
import type { AddressMatch, Chain, Match, Provenance, Rule, TableName, Target } from '../model';
import type { EndpointTable, ServicePortInfo } from '../serviceInfo';
import { categorizeEndpoints, cidrContains, usesClusterEndpoints, usesLocalEndpoints } from '../serviceInfo';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from './chainNames';
import { CLUSTER_IP, MASQUERADE_ALL, MASQUERADE_OFF_CLUSTER } from './ruleExplainers';
import { writeEndpointChains } from './endpointRules';
import type { EndpointColumns } from './endpointChains';
import type { Explainer } from './ruleBuilders';
import { comment, GeneratedRule, host, jump, proto, rule } from './ruleBuilders';

export interface SharedRule {
  table: TableName;
  chain: string;
  /** `table/chain`, one string per chain (see {@link sharedChainKey}). */
  key: string;
  rule: Rule;
}

const sharedKeys: Record<TableName, Map<string, string>> = { mangle: new Map(), filter: new Map(), nat: new Map() };

/**
 * `table/chain`, the same string object every time: the assembler files 10,000 Services' rules
 * by it, and a string made afresh would be joined and hashed again for each.
 */
export function sharedChainKey(table: TableName, chain: string): string {
  const keys = sharedKeys[table];
  let key = keys.get(chain);
  if (key === undefined) keys.set(chain, (key = `${table}/${chain}`));
  return key;
}

export interface ServiceFragment {
  /** Sort key: the service port name then protocol; fixes the cross-service order. */
  key: string;
  shared: SharedRule[];
  /**
   * nat chains owned by this service port, in the order kube-proxy declares them, but for the
   * KUBE-SEP chains, which follow them (see `ownNatChains`) and are kept as columns.
   */
  natChains: Chain[];
  /** The KUBE-SEP chains' columns, when the port has endpoints. */
  endpoints?: EndpointColumns;
}

/** Every nat chain `f` owns, KUBE-SEP chains last, as a chain list holds them. */
export function ownNatChains(f: ServiceFragment): Chain[] {
  if (!f.endpoints) return f.natChains;
  const out = f.natChains.slice();
  f.endpoints.pushSepChains(out);
  return out;
}

export interface FragmentOptions {
  config: ResolvedProxyConfig;
  nodeIPs: readonly string[];
  /** Large-cluster mode: no comments on SEP rules and SVC→SEP rules. */
  largeCluster: boolean;
}

/** Rules are never changed once written, so identical parts are shared between them. */
const MARK_MASQ = jump(KUBE_MARK_MASQ);

function share(shared: SharedRule[], table: TableName, chain: string, r: Rule): void {
  shared.push({ table, chain, key: sharedChainKey(table, chain), rule: r });
}

/** Stands in when every filter branch is skipped (the Service port has somewhere to send both kinds of traffic). */
const UNUSED_VERDICT = { target: 'DROP', text: '' } as const;

/** The filter-table verdict for a Service port's traffic with nowhere to go. */
function filterVerdict(hasAny: boolean, name: string): { target: 'REJECT' | 'DROP'; text: string } {
  return hasAny ? { target: 'DROP', text: `${name} has no local endpoints` } : { target: 'REJECT', text: `${name} has no endpoints` };
}

function filterTarget(t: 'REJECT' | 'DROP'): Target {
  return t === 'REJECT' ? { kind: 'REJECT', rejectWith: 'icmp-port-unreachable' } : { kind: 'DROP' };
}

function filterWhy(name: string, t: 'REJECT' | 'DROP', what: string): string {
  return t === 'REJECT'
    ? `${name} has no ready endpoints, so new connections to ${what} are refused (ICMP port unreachable).`
    : `${name} has no endpoint on this node and its traffic policy is Local, so packets to ${what} are dropped.`;
}

/** `! -s CLUSTER-CIDR`, one object per CIDR: every Service's masquerade rule has it. */
function offCluster(clusterCIDR: string): AddressMatch {
  let m = offClusterMatches.get(clusterCIDR);
  if (!m) offClusterMatches.set(clusterCIDR, (m = { cidr: host(clusterCIDR), negate: true }));
  return m;
}
const offClusterMatches = new Map<string, AddressMatch>();

/** The explainer reads the CIDR from the rule, which has `/32` added to a bare address. */
function offClusterWhy(name: string, clusterCIDR: string): string | Explainer {
  return clusterCIDR.includes('/') ? MASQUERADE_OFF_CLUSTER
    : `Connections to ${name} that do not come from a pod (outside ${clusterCIDR}) are marked for SNAT so replies come back through this node.`;
}

export function serviceFragment(info: ServicePortInfo, endpoints: EndpointTable, opts: FragmentOptions): ServiceFragment {
  const { config } = opts;
  const p = info.ref.protocol;
  const name = info.nameString;
  const chains = info.chains ?? servicePortChains(name, p);
  const svcProv: Provenance = { owner: 'kube-proxy', service: info.ref };
  const cat = categorizeEndpoints(info, endpoints);
  const shared: SharedRule[] = [];
  const natChains: Chain[] = [];

  const usesClusterChain = cat.cluster.length > 0 && usesClusterEndpoints(info);
  const usesLocalChain = cat.local.length > 0 && usesLocalEndpoints(info);
  const internalChain = info.internalPolicyLocal ? chains.svl : chains.svc;
  const hasInternal = cat.hasAny && (!info.internalPolicyLocal || cat.local.length > 0);
  const externalPolicyChain = info.externalPolicyLocal ? chains.svl : chains.svc;
  const hasExternal = cat.hasAny && (!info.externalPolicyLocal || cat.local.length > 0);
  const accessible = info.nodePort !== 0 || info.loadBalancerVIPs.length > 0 || info.externalIPs.length > 0;
  const usesExtChain = cat.hasAny && accessible;
  const usesFW = cat.hasAny && info.loadBalancerVIPs.length > 0 && info.loadBalancerSourceRanges.length > 0;
  const lbChain = usesFW ? chains.fw : chains.ext;

  // Filter-table verdicts for traffic that has nowhere to go.
  const internalFilter = !hasInternal || !hasExternal ? filterVerdict(cat.hasAny, name) : UNUSED_VERDICT;
  const externalFilter = internalFilter;

  // Capture the cluster IP. The jump and the masquerade rule match alike, so they share the
  // address and the match list (rules are never changed once written).
  const clusterDst: AddressMatch = { cidr: host(info.clusterIP) };
  const clusterIPMatches: Match[] = [comment(`${name} cluster IP`), proto(p, info.port)];
  if (hasInternal) {
    share(shared, 'nat', KUBE_SERVICES, new GeneratedRule(clusterIPMatches, svcProv, CLUSTER_IP, undefined, clusterDst, p, jump(internalChain)));
  } else {
    share(shared, 'filter', KUBE_SERVICES, rule({ dst: info.clusterIP, protocol: p, matches: [comment(internalFilter.text), proto(p, info.port)], target: filterTarget(internalFilter.target) }, svcProv,
      filterWhy(name, internalFilter.target, `${info.clusterIP}:${info.port}`)));
  }

  for (const ip of info.externalIPs) {
    if (cat.hasAny) {
      share(shared, 'nat', KUBE_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(`${name} external IP`), proto(p, info.port)], target: jump(chains.ext) }, svcProv,
        `Connections to the external IP ${ip}:${info.port} of ${name} enter its external-traffic chain.`));
    }
    if (!hasExternal) {
      share(shared, 'filter', KUBE_EXTERNAL_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(externalFilter.text), proto(p, info.port)], target: filterTarget(externalFilter.target) }, svcProv,
        filterWhy(name, externalFilter.target, `${ip}:${info.port}`)));
    }
  }

  for (const ip of info.loadBalancerVIPs) {
    if (cat.hasAny) {
      share(shared, 'nat', KUBE_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(`${name} loadbalancer IP`), proto(p, info.port)], target: jump(lbChain) }, svcProv,
        usesFW ? `Connections to the load-balancer IP ${ip}:${info.port} of ${name} are first checked against loadBalancerSourceRanges.`
          : `Connections to the load-balancer IP ${ip}:${info.port} of ${name} enter its external-traffic chain.`));
    }
    if (usesFW) {
      share(shared, 'filter', KUBE_PROXY_FIREWALL, rule({ dst: ip, protocol: p, matches: [comment(`${name} traffic not accepted by ${chains.fw}`), proto(p, info.port)], target: { kind: 'DROP' } }, svcProv,
        `Packets to ${ip}:${info.port} that ${chains.fw} did not DNAT came from outside loadBalancerSourceRanges and are dropped.`));
    }
  }
  if (!hasExternal) {
    for (const ip of info.loadBalancerVIPs) {
      share(shared, 'filter', KUBE_EXTERNAL_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(externalFilter.text), proto(p, info.port)], target: filterTarget(externalFilter.target) }, svcProv,
        filterWhy(name, externalFilter.target, `${ip}:${info.port}`)));
    }
  }

  if (info.nodePort !== 0) {
    if (cat.hasAny && config.localhostNodePorts && config.nfacct) {
      share(shared, 'nat', KUBE_NODEPORTS, rule({ dst: '127.0.0.0/8', protocol: p, matches: [comment(name), proto(p, info.nodePort), { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' }], target: jump(chains.ext) }, svcProv,
        `Connections to localhost:${info.nodePort} reach ${name} too (counted for kube-proxy's metrics).`));
    }
    if (cat.hasAny) {
      share(shared, 'nat', KUBE_NODEPORTS, rule({ protocol: p, matches: [comment(name), proto(p, info.nodePort)], target: jump(chains.ext) }, svcProv,
        `Connections to NodePort ${info.nodePort}/${p.toUpperCase()} on any local address belong to ${name}.`));
    }
    if (!hasExternal) {
      share(shared, 'filter', KUBE_EXTERNAL_SERVICES, rule({ protocol: p, matches: [comment(externalFilter.text), { kind: 'addrtype', dstType: 'LOCAL' }, proto(p, info.nodePort)], target: filterTarget(externalFilter.target) }, svcProv,
        filterWhy(name, externalFilter.target, `NodePort ${info.nodePort}`)));
    }
  }

  if (info.healthCheckNodePort !== 0) {
    share(shared, 'filter', KUBE_NODEPORTS, rule({ protocol: 'tcp', matches: [comment(`${name} health check node port`), proto('tcp', info.healthCheckNodePort)], target: { kind: 'ACCEPT' } }, svcProv,
      `Accepts the load balancer's health checks for ${name} on port ${info.healthCheckNodePort}.`));
  }

  // Internal traffic: masquerade what does not come from a pod (or everything with masqueradeAll).
  if (hasInternal && (config.masqueradeAll || config.clusterCIDR)) {
    const r = config.masqueradeAll
      ? new GeneratedRule(clusterIPMatches, svcProv, MASQUERADE_ALL, undefined, clusterDst, p, MARK_MASQ)
      : new GeneratedRule(clusterIPMatches, svcProv, offClusterWhy(name, config.clusterCIDR!), offCluster(config.clusterCIDR!), clusterDst, p, MARK_MASQ);
    pushRule(natChains, internalChain, r);
  }

  if (usesExtChain) {
    const ext = ensureChain(natChains, chains.ext);
    if (!info.externalPolicyLocal) {
      ext.rules.push(rule({ matches: [comment(`masquerade traffic for ${name} external destinations`)], target: jump(KUBE_MARK_MASQ) }, svcProv,
        `External traffic to ${name} may be sent to another node, so it is marked for SNAT.`));
    } else {
      if (config.clusterCIDR) {
        ext.rules.push(rule({ src: config.clusterCIDR, matches: [comment(`pod traffic for ${name} external destinations`)], target: jump(chains.svc) }, svcProv,
          `Pods reaching ${name} through an external address are treated like cluster traffic and may use any endpoint.`));
      }
      ext.rules.push(rule({ matches: [comment(`masquerade LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }], target: jump(KUBE_MARK_MASQ) }, svcProv,
        `Traffic from this node itself to ${name} is marked for SNAT.`));
      ext.rules.push(rule({ matches: [comment(`route LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }], target: jump(chains.svc) }, svcProv,
        `Traffic from this node itself to ${name} may use any endpoint in the cluster.`));
    }
    if (hasExternal) {
      ext.rules.push(rule({ target: jump(externalPolicyChain) }, svcProv,
        info.externalPolicyLocal ? `External traffic to ${name} goes only to endpoints on this node (externalTrafficPolicy: Local), keeping the client's source IP.`
          : `External traffic to ${name} is load-balanced over all its endpoints.`));
    }
  }

  if (usesFW) {
    const fw = ensureChain(natChains, chains.fw);
    const fwMatch = () => [comment(`${name} loadbalancer IP`)];
    let allowFromNode = false;
    for (const cidr of info.loadBalancerSourceRanges) {
      fw.rules.push(rule({ src: cidr, matches: fwMatch(), target: jump(chains.ext) }, svcProv,
        `Clients in ${cidr} are allowed by loadBalancerSourceRanges of ${name}.`));
      if (opts.nodeIPs.some((ip) => cidrContains(cidr, ip))) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const ip of info.loadBalancerVIPs) {
        fw.rules.push(rule({ src: ip, matches: fwMatch(), target: jump(chains.ext) }, svcProv,
          `Requests from this node to the load-balancer IP loop back with the VIP as source and are allowed.`));
      }
    }
    fw.rules.push(rule({ matches: [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)] }, svcProv,
      `Traffic that reaches this point is not in loadBalancerSourceRanges; it is not DNATed and the filter table drops it.`));
  }

  const sepColumns = writeEndpointChains(natChains, info, cat, chains, opts, usesClusterChain, usesLocalChain);

  // The lists are kept until the Service changes: copied to their exact length (a list grown by
  // push has room for 16, and 10,000 Services' spare room was megabytes for the GC to move).
  return { key: `${name}\u0000${p}`, shared: shared.slice(), natChains: natChains.slice(), endpoints: sepColumns };
}

export function ensureChain(chains: Chain[], name: string): Chain {
  let c = chains.find((x) => x.name === name);
  if (!c) {
    c = { name, rules: [] };
    chains.push(c);
  }
  return c;
}

function pushRule(chains: Chain[], name: string, r: Rule): void {
  ensureChain(chains, name).rules.push(r);
}
