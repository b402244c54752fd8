/**
 * The per-endpoint rules written out as rule objects at once, as rule generation did before it
 * wrote columns (endpointChains.ts). Kept as the reference the column chains are tested against:
 * whatever a column chain makes on read must be exactly what this writes.
 */
import { endpointChainName } from '../hash';
import type { ServicePortChains } from '../hash';
import type { Chain, EndpointRef, L4Protocol, Match, Provenance } from '../model';
import type { EndpointInfo, ServicePortInfo } from '../serviceInfo';
import type { CategorizedObjects } from './objectEndpoints';
import { KUBE_MARK_MASQ } from '../iptables/chainNames';
import { endpointProbability } from '../iptables/endpointRules';
import { comment, GeneratedRule, jump, NO_MATCHES, proto, rule } from '../iptables/ruleBuilders';
import { DNAT, DNAT_AFFINITY, HAIRPIN, LAST_ENDPOINT, ONLY_ENDPOINT, pickEndpoint } from '../iptables/ruleExplainers';
import type { FragmentOptions } from '../iptables/serviceRules';
import { ensureChain } from '../iptables/serviceRules';

const MARK_MASQ = jump(KUBE_MARK_MASQ);
const PROTO: Record<L4Protocol, Match> = { tcp: proto('tcp'), udp: proto('udp'), sctp: proto('sctp') };
const PROTO_ONLY: Record<L4Protocol, Match[]> = { tcp: [PROTO.tcp], udp: [PROTO.udp], sctp: [PROTO.sctp] };

/** The KUBE-SVC/SVL jumps and the KUBE-SEP chains of one Service port, appended to `natChains`. */
export function eagerEndpointChains(natChains: Chain[], info: ServicePortInfo, cat: CategorizedObjects, chains: ServicePortChains, opts: FragmentOptions, usesClusterChain: boolean, usesLocalChain: boolean): void {
  const p = info.ref.protocol;
  const name = info.nameString;
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
  if (info.affinitySeconds) {
    endpoints.forEach((ep, i) => {
      const sep = parts.seps[at[i]!]!;
      const recent: Match = { kind: 'recent', mode: 'rcheck', name: sep, seconds: info.affinitySeconds, reap: true };
      chain.rules.push(rule({ matches: opts.largeCluster ? [recent] : [endpointComment(name, ep), recent], target: jump(sep) }, parts.provs[at[i]!]!,
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
      : last ? [endpointComment(name, ep)] : [endpointComment(name, ep), statisticMatches(remaining)[0]!];
    const why = !last ? pickEndpoint(remaining) : n === 1 ? ONLY_ENDPOINT : LAST_ENDPOINT;
    chain.rules.push(new GeneratedRule(matches, parts.provs[at[i]!]!, why, undefined, undefined, undefined, jump(parts.seps[at[i]!]!)));
  }
}

function endpointComment(name: string, ep: EndpointInfo): Match {
  return comment(`${name} -> ${ep.key}`);
}

/** `[-m statistic --probability 1/remaining]`, one list per count, shared by every chain. */
const statistics: Match[][] = [];
function statisticMatches(remaining: number): Match[] {
  return (statistics[remaining] ??= Object.freeze([{ kind: 'statistic', probabilityFixed: endpointProbability(remaining) }]) as unknown as Match[]);
}

/** An endpoint as its rules' provenance names it. */
function epRef(ep: EndpointInfo): EndpointRef {
  const ref: EndpointRef = { ip: ep.ip, port: ep.port };
  if (ep.slice) ref.slice = ep.slice;
  if (ep.nodeName) ref.nodeName = ep.nodeName;
  return ref;
}
