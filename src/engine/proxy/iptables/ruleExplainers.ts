/**
 * The sentences of the rules every Service or endpoint has (the cluster-IP jump and masquerade
 * rules, the KUBE-SVC → KUBE-SEP jumps, the two rules of each KUBE-SEP chain), made from the
 * rule when someone reads them. The text is the same as if it had been written into every rule.
 */
import type { EndpointRef, ProtoMatch, Rule } from '../model';
import { servicePortNameString } from '../serviceInfo';
import type { Explainer } from './ruleBuilders';

const endpointOf = (r: Rule): EndpointRef => r.provenance.endpoint!;
const endpointKey = (r: Rule): string => `${endpointOf(r).ip}:${endpointOf(r).port}`;
const serviceName = (r: Rule): string => {
  const s = r.provenance.service!;
  return servicePortNameString(s.namespace, s.name, s.port);
};

/** `-A KUBE-SERVICES -d CLUSTER-IP/32 -p P ... --dport PORT -j KUBE-SVC-...`; matches are [comment, proto]. */
export const CLUSTER_IP: Explainer = {
  explain: (r) => {
    const ip = r.dst!.cidr.slice(0, -'/32'.length);
    const port = (r.matches[1] as ProtoMatch).dport!;
    return `Connections to the cluster IP ${ip}:${port}/${r.protocol!.toUpperCase()} of ${serviceName(r)} go to its load-balancing chain.`;
  },
};

/** The KUBE-SVC chain's first rule, `! -s CLUSTER-CIDR ... -j KUBE-MARK-MASQ`. */
export const MASQUERADE_OFF_CLUSTER: Explainer = {
  explain: (r) => `Connections to ${serviceName(r)} that do not come from a pod (outside ${r.src!.cidr}) are marked for SNAT so replies come back through this node.`,
};

/** The KUBE-SVC chain's first rule with masqueradeAll. */
export const MASQUERADE_ALL: Explainer = { explain: (r) => `masqueradeAll is set, so every connection to ${serviceName(r)} is marked for SNAT.` };

/** The KUBE-SEP chain's first rule: masquerade a pod that reached itself through the Service. */
export const HAIRPIN: Explainer = {
  explain: (r) => `Hairpin: when pod ${endpointOf(r).ip} connects to ${serviceName(r)} and is picked as its own backend, the packet is marked for SNAT.`,
};

function dnat(affinity: boolean): Explainer {
  const tail = `${affinity ? ' and remembers the client for session affinity' : ''}.`;
  return {
    explain: (r) => {
      const slice = endpointOf(r).slice;
      return `Rewrites the destination to the endpoint ${endpointKey(r)}${slice ? ` (EndpointSlice ${slice})` : ''}${tail}`;
    },
  };
}

/** The KUBE-SEP chain's DNAT rule, without and with ClientIP session affinity. */
export const DNAT = dnat(false);
export const DNAT_AFFINITY = dnat(true);

/** The jump to a Service's only endpoint. */
export const ONLY_ENDPOINT: Explainer = { explain: (r) => `Sends every connection to the only endpoint ${endpointKey(r)}.` };

/** The last of several jumps, which takes what the `statistic` rules before it left. */
export const LAST_ENDPOINT: Explainer = { explain: (r) => `Sends the remaining connections to ${endpointKey(r)}.` };

const picks: Explainer[] = [];

/** A jump taken with probability 1/`remaining`; one explainer per count, shared by every chain. */
export function pickEndpoint(remaining: number): Explainer {
  return (picks[remaining] ??= { explain: (r) => `Picks endpoint ${endpointKey(r)} with probability 1/${remaining} of the connections reaching this rule.` });
}
