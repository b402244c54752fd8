/**
 * The rules one Service port contributes, transcribed from `syncProxyRules` and
 * `writeServiceToEndpointRules` in pkg/proxy/iptables/proxier.go. A fragment holds the rules
 * it adds to shared chains (KUBE-SERVICES, KUBE-NODEPORTS, filter chains) and the chains it
 * owns (KUBE-SVC/SVL/EXT/FW/SEP), so a change to one Service regenerates only its fragment.
 */
import type { ResolvedProxyConfig } from '../config';
import { endpointChainName, servicePortChains } from '../hash';
import type { Chain, EndpointRef, L4Protocol, Match, Provenance, Rule, TableName } from '../model';
import { probabilityToFixed } from '../model';
import type { EndpointInfo, ServicePortInfo } from '../serviceInfo';
import { categorizeEndpoints, cidrContains, usesClusterEndpoints, usesLocalEndpoints } from '../serviceInfo';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from './chainNames';
import { DNAT, DNAT_AFFINITY, HAIRPIN, LAST_ENDPOINT, ONLY_ENDPOINT, pickEndpoint } from './endpointExplainers';
import { comment, GeneratedRule, jump, NO_MATCHES, proto, rule } from './ruleBuilders';

export interface SharedRule {
  table: TableName;
  chain: string;
  rule: Rule;
}

export interface ServiceFragment {
  /** Sort key: the service port name then protocol; fixes the cross-service order. */
  key: string;
  shared: SharedRule[];
  /** nat chains owned by this service port, in the order kube-proxy declares them. */
  natChains: Chain[];
}

export interface FragmentOptions {
  config: ResolvedProxyConfig;
  nodeIPs: readonly string[];
  /** Large-cluster mode: no comments on SEP rules and SVC→SEP rules. */
  largeCluster: boolean;
}

/** Rules are never changed once written, so identical parts are shared between them. */
const MARK_MASQ = jump(KUBE_MARK_MASQ);
const PROTO: Record<L4Protocol, Match> = { tcp: proto('tcp'), udp: proto('udp'), sctp: proto('sctp') };
const PROTO_ONLY: Record<L4Protocol, Match[]> = { tcp: [PROTO.tcp], udp: [PROTO.udp], sctp: [PROTO.sctp] };

/** The probability kube-proxy writes (`%0.10f` of 1/n), as the kernel's fixed-point value. */
export function endpointProbability(remaining: number): number {
  let p = probabilities[remaining];
  if (p === undefined) probabilities[remaining] = p = probabilityToFixed(Number((1 / remaining).toFixed(10)));
  return p;
}

/** endpointProbability by number of remaining endpoints: every KUBE-SVC chain asks for the same few. */
const probabilities: number[] = [];

export function serviceFragment(info: ServicePortInfo, endpoints: readonly EndpointInfo[], opts: FragmentOptions): ServiceFragment {
  const { config } = opts;
  const p = info.ref.protocol;
  const name = info.nameString;
  const chains = servicePortChains(name, p);
  const svcProv: Provenance = { owner: 'kube-proxy', service: info.ref };
  const cat = categorizeEndpoints(info, endpoints);
  const shared: SharedRule[] = [];
  const natChains: Chain[] = [];
  const add = (table: TableName, chain: string, r: Rule) => shared.push({ table, chain, rule: r });

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
  const noEndpoints = !cat.hasAny;
  const internalFilter = noEndpoints
    ? { target: 'REJECT' as const, text: `${name} has no endpoints` }
    : { target: 'DROP' as const, text: `${name} has no local endpoints` };
  const externalFilter = internalFilter;
  const filterTarget = (t: 'REJECT' | 'DROP') =>
    t === 'REJECT' ? ({ kind: 'REJECT', rejectWith: 'icmp-port-unreachable' } as const) : ({ kind: 'DROP' } as const);
  const why = (t: 'REJECT' | 'DROP', what: string) =>
    t === 'REJECT'
      ? `${name} has no ready endpoints, so new connections to ${what} are refused (ICMP port unreachable).`
      : `${name} has no endpoint on this node and its traffic policy is Local, so packets to ${what} are dropped.`;

  // Capture the cluster IP.
  const clusterIPMatch = (): Match[] => [comment(`${name} cluster IP`), proto(p, info.port)];
  if (hasInternal) {
    add('nat', KUBE_SERVICES, rule({ dst: info.clusterIP, protocol: p, matches: clusterIPMatch(), target: jump(internalChain) }, svcProv,
      `Connections to the cluster IP ${info.clusterIP}:${info.port}/${p.toUpperCase()} of ${name} go to its load-balancing chain.`));
  } else {
    add('filter', KUBE_SERVICES, rule({ dst: info.clusterIP, protocol: p, matches: [comment(internalFilter.text), proto(p, info.port)], target: filterTarget(internalFilter.target) }, svcProv,
      why(internalFilter.target, `${info.clusterIP}:${info.port}`)));
  }

  for (const ip of info.externalIPs) {
    if (cat.hasAny) {
      add('nat', KUBE_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(`${name} external IP`), proto(p, info.port)], target: jump(chains.ext) }, svcProv,
        `Connections to the external IP ${ip}:${info.port} of ${name} enter its external-traffic chain.`));
    }
    if (!hasExternal) {
      add('filter', KUBE_EXTERNAL_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(externalFilter.text), proto(p, info.port)], target: filterTarget(externalFilter.target) }, svcProv,
        why(externalFilter.target, `${ip}:${info.port}`)));
    }
  }

  for (const ip of info.loadBalancerVIPs) {
    if (cat.hasAny) {
      add('nat', KUBE_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(`${name} loadbalancer IP`), proto(p, info.port)], target: jump(lbChain) }, svcProv,
        usesFW ? `Connections to the load-balancer IP ${ip}:${info.port} of ${name} are first checked against loadBalancerSourceRanges.`
          : `Connections to the load-balancer IP ${ip}:${info.port} of ${name} enter its external-traffic chain.`));
    }
    if (usesFW) {
      add('filter', KUBE_PROXY_FIREWALL, rule({ dst: ip, protocol: p, matches: [comment(`${name} traffic not accepted by ${chains.fw}`), proto(p, info.port)], target: { kind: 'DROP' } }, svcProv,
        `Packets to ${ip}:${info.port} that ${chains.fw} did not DNAT came from outside loadBalancerSourceRanges and are dropped.`));
    }
  }
  if (!hasExternal) {
    for (const ip of info.loadBalancerVIPs) {
      add('filter', KUBE_EXTERNAL_SERVICES, rule({ dst: ip, protocol: p, matches: [comment(externalFilter.text), proto(p, info.port)], target: filterTarget(externalFilter.target) }, svcProv,
        why(externalFilter.target, `${ip}:${info.port}`)));
    }
  }

  if (info.nodePort !== 0) {
    if (cat.hasAny && config.localhostNodePorts && config.nfacct) {
      add('nat', KUBE_NODEPORTS, rule({ dst: '127.0.0.0/8', protocol: p, matches: [comment(name), proto(p, info.nodePort), { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' }], target: jump(chains.ext) }, svcProv,
        `Connections to localhost:${info.nodePort} reach ${name} too (counted for kube-proxy's metrics).`));
    }
    if (cat.hasAny) {
      add('nat', KUBE_NODEPORTS, rule({ protocol: p, matches: [comment(name), proto(p, info.nodePort)], target: jump(chains.ext) }, svcProv,
        `Connections to NodePort ${info.nodePort}/${p.toUpperCase()} on any local address belong to ${name}.`));
    }
    if (!hasExternal) {
      add('filter', KUBE_EXTERNAL_SERVICES, rule({ protocol: p, matches: [comment(externalFilter.text), { kind: 'addrtype', dstType: 'LOCAL' }, proto(p, info.nodePort)], target: filterTarget(externalFilter.target) }, svcProv,
        why(externalFilter.target, `NodePort ${info.nodePort}`)));
    }
  }

  if (info.healthCheckNodePort !== 0) {
    add('filter', KUBE_NODEPORTS, rule({ protocol: 'tcp', matches: [comment(`${name} health check node port`), proto('tcp', info.healthCheckNodePort)], target: { kind: 'ACCEPT' } }, svcProv,
      `Accepts the load balancer's health checks for ${name} on port ${info.healthCheckNodePort}.`));
  }

  // Internal traffic: masquerade what does not come from a pod (or everything with masqueradeAll).
  if (hasInternal && (config.masqueradeAll || config.clusterCIDR)) {
    const parts = { dst: info.clusterIP, protocol: p, matches: clusterIPMatch(), target: jump(KUBE_MARK_MASQ) };
    const r = config.masqueradeAll
      ? rule(parts, svcProv, `masqueradeAll is set, so every connection to ${name} is marked for SNAT.`)
      : rule({ ...parts, notSrc: config.clusterCIDR }, svcProv,
        `Connections to ${name} that do not come from a pod (outside ${config.clusterCIDR}) are marked for SNAT so replies come back through this node.`);
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

  // Each endpoint's chain name (a sha256) and provenance, made once and shared by its rules.
  const reachable = cat.allReachable;
  const seps: string[] = new Array<string>(reachable.length);
  const provs: Provenance[] = new Array<Provenance>(reachable.length);
  for (let i = 0; i < reachable.length; i++) {
    const ep = reachable[i]!;
    seps[i] = endpointChainName(name, p, ep.key);
    provs[i] = { owner: 'kube-proxy', service: info.ref, endpoint: epRef(ep) };
  }
  const parts: EndpointParts = { reachable, seps, provs };
  if (usesClusterChain) endpointRules(natChains, chains.svc, info, cat.cluster, opts, parts);
  if (usesLocalChain) endpointRules(natChains, chains.svl, info, cat.local, opts, parts);

  // The KUBE-SEP chains. Rules are never changed once written, so match lists that do not
  // depend on the endpoint are made once per Service (or once per protocol) and shared.
  const sepComment = opts.largeCluster ? undefined : comment(name);
  const hairpinMatches = sepComment ? [sepComment] : NO_MATCHES;
  const dnatMatches = sepComment ? [sepComment, PROTO[p]] : PROTO_ONLY[p];
  const dnatWhy = info.affinitySeconds ? DNAT_AFFINITY : DNAT;
  for (let i = 0; i < reachable.length; i++) {
    const ep = reachable[i]!;
    const sep = seps[i]!;
    const prov = provs[i]!;
    const matches = info.affinitySeconds ? affinityMatches(sepComment, sep, p) : dnatMatches;
    // allReachable has one entry per endpoint, so each SEP chain is new.
    natChains.push({ name: sep, rules: [
      new GeneratedRule(hairpinMatches, prov, HAIRPIN, { cidr: `${ep.ip}/32` }, undefined, undefined, MARK_MASQ),
      new GeneratedRule(matches, prov, dnatWhy, undefined, undefined, p, { kind: 'DNAT', toDestination: ep.key }),
    ] });
  }

  return { key: `${name}\u0000${p}`, shared, natChains };
}

/** `-m recent --set` before the protocol match: per endpoint, since the list is named after its chain. */
function affinityMatches(sepComment: Match | undefined, sep: string, p: L4Protocol): Match[] {
  const recent: Match = { kind: 'recent', mode: 'set', name: sep };
  return sepComment ? [sepComment, recent, PROTO[p]] : [recent, PROTO[p]];
}

/** The reachable endpoints (sorted by key) with their chain names and provenances, by position. */
interface EndpointParts {
  reachable: readonly EndpointInfo[];
  seps: readonly string[];
  provs: readonly Provenance[];
}

/** KUBE-SVC/SVL → KUBE-SEP jumps for `endpoints`, a sorted subset of `parts.reachable`. */
function endpointRules(natChains: Chain[], chainName: string, info: ServicePortInfo, endpoints: readonly EndpointInfo[], opts: FragmentOptions, parts: EndpointParts): void {
  const chain = ensureChain(natChains, chainName);
  const name = info.nameString;
  // Position of each endpoint in parts.reachable: both lists are sorted by key.
  const at: number[] = new Array<number>(endpoints.length);
  for (let i = 0, j = 0; i < endpoints.length; i++, j++) {
    while (parts.reachable[j] !== endpoints[i]) j++;
    at[i] = j;
  }
  const epComment = (ep: EndpointInfo) => comment(`${name} -> ${ep.key}`);
  if (info.affinitySeconds) {
    endpoints.forEach((ep, i) => {
      const sep = parts.seps[at[i]!]!;
      const recent: Match = { kind: 'recent', mode: 'rcheck', name: sep, seconds: info.affinitySeconds, reap: true };
      chain.rules.push(rule({ matches: opts.largeCluster ? [recent] : [epComment(ep), recent], target: jump(sep) }, parts.provs[at[i]!]!,
        `Session affinity: a client seen within ${info.affinitySeconds}s goes back to ${ep.key}.`));
    });
  }
  const n = endpoints.length;
  for (let i = 0; i < n; i++) {
    const ep = endpoints[i]!;
    const remaining = n - i;
    const last = i === n - 1;
    // In large-cluster mode the match list depends only on the count left, so it is shared.
    const matches = opts.largeCluster ? (last ? NO_MATCHES : statisticMatches(remaining))
      : last ? [epComment(ep)] : [epComment(ep), statisticMatches(remaining)[0]!];
    const why = !last ? pickEndpoint(remaining) : n === 1 ? ONLY_ENDPOINT : LAST_ENDPOINT;
    chain.rules.push(new GeneratedRule(matches, parts.provs[at[i]!]!, why, undefined, undefined, undefined, jump(parts.seps[at[i]!]!)));
  }
}

/** `[-m statistic --probability 1/remaining]`, one list per count, shared by every chain. */
const statistics: Match[][] = [];
function statisticMatches(remaining: number): Match[] {
  return (statistics[remaining] ??= Object.freeze([{ kind: 'statistic', probabilityFixed: endpointProbability(remaining) }]) as unknown as Match[]);
}

function epRef(ep: EndpointInfo): EndpointRef {
  // One literal for the usual case: an object grown field by field carries a second allocation.
  if (ep.slice && ep.nodeName) return { ip: ep.ip, port: ep.port, slice: ep.slice, nodeName: ep.nodeName };
  const ref: EndpointRef = { ip: ep.ip, port: ep.port };
  if (ep.slice) ref.slice = ep.slice;
  if (ep.nodeName) ref.nodeName = ep.nodeName;
  return ref;
}

function ensureChain(chains: Chain[], name: string): Chain {
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
