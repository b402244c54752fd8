/**
 * The endpoint checkout and CategorizeEndpoints as they were written over one `EndpointInfo`
 * object per endpoint, before the sync held endpoints as columns (endpointTable.ts). Kept as the
 * reference the columns are tested against: same endpoints, same order, same categories.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ServicePortInfo } from '../serviceInfo';
import { compareEndpointKeys, EndpointInfo, usesClusterEndpoints, usesLocalEndpoints } from '../serviceInfo';

/** Endpoints of one Service port, deduplicated by `ip:port` and sorted by that string. */
export function objectEndpointsForPort(info: ServicePortInfo, slices: readonly EndpointSlice[], nodeName: string): EndpointInfo[] {
  const all: EndpointInfo[] = [];
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const port of slice.ports ?? []) {
      if ((port.name ?? '') !== info.ref.port || (port.protocol ?? 'TCP').toLowerCase() !== info.ref.protocol) continue;
      if (port.port === undefined || port.port === null) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0];
        if (!ip) continue;
        const c = ep.conditions;
        const ready = c?.ready ?? true;
        all.push(new EndpointInfo(ip, port.port, String(port.port), slice.metadata?.name, ep.nodeName, ready, c?.serving ?? ready, c?.terminating ?? false, ep.nodeName === nodeName));
      }
    }
  }
  all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return all.filter((e, i) => i === 0 || e.key !== all[i - 1]!.key);
}

export interface CategorizedObjects {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  allReachable: EndpointInfo[];
  hasAny: boolean;
}

/** topology.go `CategorizeEndpoints`, without topology hints, over objects. */
export function categorizeObjects(info: ServicePortInfo, endpoints: readonly EndpointInfo[]): CategorizedObjects {
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesClusterEndpoints(info)) {
    cluster = endpoints.filter((e) => e.ready);
    // No ready endpoint anywhere: fall back to terminating ones that still pass readiness.
    if (cluster.length === 0) cluster = endpoints.filter((e) => e.serving && e.terminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!usesLocalEndpoints(info)) return { cluster, local: [], allReachable: cluster, hasAny };
  let localReady = false;
  let localServingTerminating = false;
  for (const e of endpoints) {
    if (e.ready) {
      hasAny = true;
      if (e.isLocal) localReady = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (e.isLocal) localServingTerminating = true;
    }
  }
  let local: EndpointInfo[] = [];
  if (localReady) local = endpoints.filter((e) => e.isLocal && e.ready);
  else if (localServingTerminating) local = endpoints.filter((e) => e.isLocal && e.serving && e.terminating);
  if (!usesClusterEndpoints(info)) return { cluster, local, allReachable: local, hasAny };
  const union = new Map<string, EndpointInfo>();
  for (const e of [...cluster, ...local]) union.set(e.key, e);
  const allReachable = [...union.values()].sort(compareEndpointKeys);
  return { cluster, local, allReachable, hasAny };
}
