/**
 * The rules one Service port writes per endpoint, transcribed from `writeServiceToEndpointRules`
 * and the endpoint loop of `syncProxyRules` in pkg/proxy/iptables/proxier.go: the KUBE-SVC/SVL
 * jumps (with `statistic` probabilities) and a KUBE-SEP chain per endpoint. At 100,000
 * endpoints these are nearly all of a node's rules, so they are written as columns (see
 * endpointChains.ts): each KUBE-SEP chain named, each jump's endpoint and probability decided,
 * and the rule objects made when a chain is first read.
 */
import type { Chain } from '../model';
import { probabilityToFixed } from '../model';
import type { CategorizedEndpoints, EndpointSubset, ServicePortInfo } from '../serviceInfo';
import type { ServicePortChains } from '../hash';
import { claimWords, EndpointColumns, EndpointJumpChain, reserveWords } from './endpointChains';
import type { FragmentOptions } from './serviceRules';

/** The probability kube-proxy writes (`%0.10f` of 1/n), as the kernel's fixed-point value. */
export function endpointProbability(remaining: number): number {
  let p = probabilities[remaining];
  if (p === undefined) probabilities[remaining] = p = probabilityToFixed(Number((1 / remaining).toFixed(10)));
  return p;
}

/** endpointProbability by number of remaining endpoints: every KUBE-SVC chain asks for the same few. */
const probabilities: number[] = [];

/**
 * The KUBE-SVC/SVL jumps of one Service port, put in `natChains`, and its KUBE-SEP chains as the
 * returned columns (each named; `EndpointColumns.pushSepChains` lists them as chains).
 */
export function writeEndpointChains(natChains: Chain[], info: ServicePortInfo, cat: CategorizedEndpoints, chains: ServicePortChains, opts: FragmentOptions, usesClusterChain: boolean, usesLocalChain: boolean): EndpointColumns {
  // Each endpoint's chain name (a sha256, the one costly part of an endpoint's rules) is hashed here.
  const cols = new EndpointColumns(info, cat.endpoints, cat.allReachable, opts.largeCluster);
  if (usesClusterChain) jumpChain(natChains, chains.svc, cols, cat.cluster);
  if (usesLocalChain) jumpChain(natChains, chains.svl, cols, cat.local);
  return cols;
}

/**
 * The KUBE-SVC/SVL chain `chainName` with its jumps to `endpoints` (table positions, a sorted
 * subset of the columns' endpoints) after the rules it already has, in the place it already has.
 */
function jumpChain(natChains: Chain[], chainName: string, cols: EndpointColumns, endpoints: EndpointSubset): void {
  const n = endpoints.length;
  const rows = reserveWords(2 * n);
  const at = claimWords(2 * n);
  // Position of each endpoint in the columns: both lists are sorted by key.
  const reach = cols.reach;
  for (let i = 0, j = 0; i < n; i++, j++) {
    if (reach) while (reach[j] !== endpoints[i]) j++;
    else j = endpoints[i]!;
    rows[at + 2 * i] = j;
    rows[at + 2 * i + 1] = i === n - 1 ? 0 : endpointProbability(n - i);
  }
  const k = natChains.findIndex((c) => c.name === chainName);
  // The head (the masquerade rule) is kept as long as the chain: copied to its exact length.
  if (k < 0) natChains.push(new EndpointJumpChain(chainName, [], cols, rows, at, n));
  else natChains[k] = new EndpointJumpChain(chainName, natChains[k]!.rules.slice(), cols, rows, at, n);
}
