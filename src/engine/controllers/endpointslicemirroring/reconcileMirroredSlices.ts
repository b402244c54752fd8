import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { EndpointAddress } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../framework/keys';
import type { EndpointSliceObj, EndpointsObj, ServiceObj } from '../framework/objects';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from '../endpointslice/reconcileEndpointSlices';
import { portMapKey, sortPortsLikeController } from '../endpointslice/portOrder';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** --mirroring-max-endpoints-per-subset. */
export const MAX_ENDPOINTS_PER_SUBSET = 1000;

export interface MirrorChanges {
  create: EndpointSliceObj[];
  update: EndpointSliceObj[];
  delete: EndpointSliceObj[];
}

/** Whether an Endpoints object should be mirrored: its Service exists and has no selector. */
export function shouldMirror(svc: ServiceObj | undefined, ep: EndpointsObj | undefined): boolean {
  return !!svc && !!ep && !svc.spec?.selector && ep.metadata.labels?.[LABEL_SKIP_MIRROR] !== 'true' && svc.spec?.type !== 'ExternalName';
}

/**
 * pkg/controller/endpointslicemirroring: one EndpointSlice per (subset port set, address type)
 * for a selector-less Service whose Endpoints a user wrote; ready comes from addresses vs
 * notReadyAddresses. Existing mirrored slices are reused by port set before new ones are made.
 */
export function reconcileMirroredSlices(svc: ServiceObj | undefined, ep: EndpointsObj | undefined, existing: EndpointSliceObj[]): MirrorChanges {
  if (!shouldMirror(svc, ep)) return { create: [], update: [], delete: existing };
  const desired = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  for (const ss of ep!.subsets ?? []) {
    const ports = sortPortsLikeController(
      (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })),
    );
    const key = portMapKey(ports);
    let group = desired.get(key);
    if (!group) desired.set(key, (group = { ports, endpoints: [] }));
    for (const a of ss.addresses ?? []) addEndpoint(group.endpoints, a, true);
    for (const a of ss.notReadyAddresses ?? []) addEndpoint(group.endpoints, a, false);
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep!.metadata.labels ?? {})) if (k !== LABEL_SKIP_MIRROR && k !== LABEL_MANAGED_BY) labels[k] = v;
  labels[LABEL_SERVICE_NAME] = svc!.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = MIRRORING_CONTROLLER_NAME;
  const owner = { apiVersion: 'v1', kind: 'Service', name: svc!.metadata.name ?? '', uid: svc!.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };

  const unused = [...existing];
  const out: MirrorChanges = { create: [], update: [], delete: [] };
  for (const [key, group] of desired) {
    if (group.endpoints.length === 0) continue;
    const i = unused.findIndex((s) => portMapKey(s.ports ?? []) === key);
    const body = { addressType: 'IPv4', endpoints: group.endpoints, ...(group.ports.length ? { ports: group.ports } : {}) };
    if (i >= 0) {
      const cur = unused.splice(i, 1)[0]!;
      const next: EndpointSliceObj = { ...cur, ...body, metadata: { ...cur.metadata, labels, ownerReferences: [owner] } };
      if (!group.ports.length) delete next.ports;
      if (!jsonEqual(next, cur)) out.update.push(next);
    } else {
      out.create.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${svc!.metadata.name}-`, namespace: svc!.metadata.namespace, labels, ownerReferences: [owner] }, ...body });
    }
  }
  out.delete.push(...unused);
  return out;
}

/** One mirrored endpoint per IPv4 address, up to the per-subset limit; the first of an IP wins. */
function addEndpoint(endpoints: Endpoint[], a: EndpointAddress, ready: boolean): void {
  if (endpoints.length >= MAX_ENDPOINTS_PER_SUBSET || a.ip.includes(':')) return;
  const e: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) e.hostname = a.hostname;
  if (a.targetRef) e.targetRef = a.targetRef;
  if (a.nodeName) e.nodeName = a.nodeName;
  if (!endpoints.some((x) => x.addresses[0] === a.ip)) endpoints.push(e);
}
