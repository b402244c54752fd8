/**
 * The sentences of the rules written once per endpoint (the KUBE-SVC → KUBE-SEP jumps and the
 * two rules of each KUBE-SEP chain), made from the rule when someone reads them. The text is
 * the same as if it had been written into every rule.
 */
import type { EndpointRef, Rule } from '../model';
import { servicePortNameString } from '../serviceInfo';
import type { Explainer } from './ruleBuilders';

const endpointOf = (r: Rule): EndpointRef => r.provenance.endpoint!;
const endpointKey = (r: Rule): string => `${endpointOf(r).ip}:${endpointOf(r).port}`;
const serviceName = (r: Rule): string => {
  const s = r.provenance.service!;
  return servicePortNameString(s.namespace, s.name, s.port);
};

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
