import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { EndpointSliceObj } from '../framework/objects';
import { deepEqualExcept } from '../../store/json';
import { clone, jsonEqual } from '../framework/keys';
import { podIPs, findPort, isPodReady, shouldPodBeInEndpoints, shouldSetHostname } from '../framework/pods';
import { portMapKey, sortPortsLikeController } from './portOrder';

/** `endpointslice.kubernetes.io/managed-by` value of the EndpointSlice controller. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

export type Slice = EndpointSliceObj;

export interface EndpointSliceInput {
  service: Service;
  /** Pods in the Service's namespace matching its selector, in a stable order. */
  pods: Pod[];
  nodes: (name: string) => Node | undefined;
  /** Slices labelled with this Service's name and managed by this controller. */
  existing: Slice[];
  maxEndpointsPerSlice: number;
  controllerName?: string;
}

export interface SliceChanges {
  create: Slice[];
  update: Slice[];
  delete: Slice[];
  /** Pods skipped because their node does not exist: the controller retries later. */
  skippedPods: string[];
}

/**
 * The EndpointSlice reconciler (staging/src/k8s.io/endpointslice/reconciler.go): groups the
 * desired endpoints by their resolved port set, keeps endpoints where they already are, fills
 * slices that changed anyway, then the unchanged slice that ends closest to full, then new slices
 * of at most `maxEndpointsPerSlice`; keeps exactly one placeholder when nothing is desired; turns
 * create+delete pairs into updates. Pure: returns what to write.
 */
export function reconcileEndpointSlices(input: EndpointSliceInput): SliceChanges {
  const { service, existing, maxEndpointsPerSlice: max } = input;
  const controllerName = input.controllerName ?? ENDPOINTSLICE_CONTROLLER_NAME;
  const addressType = addressTypeOf(service);
  const toCreate: Slice[] = [];
  const toUpdate: Slice[] = [];
  const toDelete: Slice[] = [];
  const skippedPods: string[] = [];

  const existingByPortMap = new Map<string, Slice[]>();
  for (const s of existing) {
    if (s.addressType !== addressType || !ownedBy(s, service)) {
      toDelete.push(s);
      continue;
    }
    const k = portMapKey(s.ports ?? []);
    existingByPortMap.set(k, [...(existingByPortMap.get(k) ?? []), s]);
  }

  const desiredByPortMap = new Map<string, { ports: EndpointPort[]; endpoints: Map<string, Endpoint> }>();
  for (const pod of input.pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = pod.spec?.nodeName ? input.nodes(pod.spec.nodeName) : undefined;
    if (pod.spec?.nodeName && !node && !service.spec?.publishNotReadyAddresses) {
      skippedPods.push(pod.metadata?.name ?? '');
      continue;
    }
    const ports = endpointPorts(service, pod);
    const k = portMapKey(ports);
    let group = desiredByPortMap.get(k);
    if (!group) desiredByPortMap.set(k, (group = { ports: sortPortsLikeController(ports), endpoints: new Map() }));
    const ep = podToEndpoint(pod, node, service);
    if (ep.addresses.length > 0) group.endpoints.set(endpointKey(ep), ep);
  }

  for (const [k, desired] of desiredByPortMap) {
    const r = reconcileByPortMap(service, existingByPortMap.get(k) ?? [], desired.endpoints, desired.ports, addressType, max, controllerName);
    toCreate.push(...r.create);
    toUpdate.push(...r.update);
    toDelete.push(...r.delete);
  }
  for (const [k, slices] of existingByPortMap) if (!desiredByPortMap.has(k)) toDelete.push(...slices);

  if (existing.length === toDelete.length && toCreate.length === 0) {
    const placeholder = newSlice(service, [], addressType, controllerName);
    const only = toDelete.length === 1 ? toDelete[0]! : undefined;
    if (only && isSamePlaceholder(only, placeholder)) toDelete.length = 0;
    else toCreate.push(placeholder);
  }

  // finalize(): reuse slices we would delete instead of creating new ones.
  for (let i = 0; i < toDelete.length && toCreate.length > 0; ) {
    const del = toDelete[i]!;
    const create = toCreate[toCreate.length - 1]!;
    if (del.addressType === create.addressType && ownedBy(del, service)) {
      create.metadata = { ...create.metadata, name: del.metadata.name, resourceVersion: del.metadata.resourceVersion };
      delete create.metadata.generateName;
      toCreate.pop();
      toUpdate.push(create);
      toDelete.splice(i, 1);
    } else i++;
  }
  // A Service being deleted gets no new slices (the garbage collector is removing them).
  if (service.metadata?.deletionTimestamp) toCreate.length = 0;
  return { create: toCreate, update: toUpdate, delete: toDelete, skippedPods };
}

function reconcileByPortMap(
  service: Service,
  existing: Slice[],
  desired: Map<string, Endpoint>,
  ports: EndpointPort[],
  addressType: string,
  max: number,
  controllerName: string,
): { create: Slice[]; update: Slice[]; delete: Slice[] } {
  const byName = new Map<string, Slice>();
  const unchanged: string[] = [];
  const toUpdate = new Set<string>();
  const toDelete: string[] = [];

  for (const s of existing) {
    const name = s.metadata.name ?? '';
    byName.set(name, s);
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of s.endpoints ?? []) {
      const k = endpointKey(ep);
      const want = desired.get(k);
      if (!want) continue;
      kept.push(want);
      if (!sameEndpoint(want, ep)) endpointUpdated = true;
      desired.delete(k);
    }
    const { labels, changed } = sliceLabels(s, service, controllerName);
    if (endpointUpdated || kept.length !== (s.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(name);
      else {
        byName.set(name, { ...s, endpoints: kept, metadata: { ...s.metadata, labels } });
        toUpdate.add(name);
      }
    } else if (changed) {
      byName.set(name, { ...ownCopy(s), metadata: { ...s.metadata, labels } });
      toUpdate.add(name);
    } else unchanged.push(name);
  }

  if (desired.size > 0 && toUpdate.size > 0) {
    const slices = [...toUpdate].map((n) => byName.get(n)!).sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
    for (const s of slices) while (desired.size > 0 && s.endpoints.length < max) s.endpoints.push(takeFirst(desired));
  }

  const create: Slice[] = [];
  while (desired.size > 0) {
    let fill: Slice | undefined;
    if (desired.size < max && unchanged.length > 0) {
      const name = sliceToFill(unchanged.map((n) => byName.get(n)!), desired.size, max);
      if (name !== undefined) {
        fill = ownCopy(byName.get(name)!);
        byName.set(name, fill);
      }
    }
    fill ??= newSlice(service, ports, addressType, controllerName);
    while (desired.size > 0 && fill.endpoints.length < max) fill.endpoints.push(takeFirst(desired));
    if (fill.metadata.name) {
      toUpdate.add(fill.metadata.name);
      unchanged.splice(unchanged.indexOf(fill.metadata.name), 1);
    } else create.push(fill);
  }
  return { create, update: [...toUpdate].map((n) => byName.get(n)!), delete: toDelete.map((n) => byName.get(n)!) };
}

/** Removes and returns the first endpoint still wanted (in the order they were desired). */
function takeFirst(desired: Map<string, Endpoint>): Endpoint {
  const [k, ep] = desired.entries().next().value as [string, Endpoint];
  desired.delete(k);
  return ep;
}

/**
 * What the plan may change in an existing slice (top level, metadata, the endpoints list) as
 * its own; endpoints and ports themselves stay shared with the informer's (frozen) object.
 */
function ownCopy(s: Slice): Slice {
  return { ...s, ...(s.endpoints ? { endpoints: [...s.endpoints] } : {}), metadata: { ...s.metadata } };
}

/** getSliceToFill: the unchanged slice that ends up closest to full, if any has room. */
function sliceToFill(slices: Slice[], n: number, max: number): string | undefined {
  let best: Slice | undefined;
  let closest = max;
  for (const s of slices) {
    const diff = max - (n + (s.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closest) {
      closest = diff;
      best = s;
      if (diff === 0) break;
    }
  }
  return best?.metadata.name;
}

/** podToEndpoint (utils.go): conditions per REFERENCE §5.1. */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = !!service.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = { addresses: podIPs(pod).filter((ip) => !ip.includes(':')), conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec!.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.['topology.kubernetes.io/zone'];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts: one port per Service port whose targetPort resolves on this pod. */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  if ((service.spec?.ports ?? []).length === 0 && service.spec?.clusterIP === 'None') return out;
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/** newEndpointSlice: generateName `<svc>-`, Service labels plus the reserved ones, owned by the Service. */
export function newSlice(service: Service, ports: EndpointPort[], addressType: string, controllerName: string): Slice {
  const base: Slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(service.metadata?.name ?? ''),
      namespace: service.metadata?.namespace,
      labels: {},
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name: service.metadata?.name ?? '', uid: service.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType,
    endpoints: [],
  };
  if (ports.length > 0) base.ports = clone(ports);
  base.metadata.labels = sliceLabels(base, service, controllerName).labels;
  return base;
}

/** getEndpointSlicePrefix: `<svc>-` unless that is not a valid DNS subdomain prefix (too long). */
function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  // NameIsDNSSubdomain(prefix=true) only fails here on length: generateName leaves room for 5 chars.
  return prefix.length > 253 ? serviceName : prefix;
}

/** setEndpointSliceLabels: Service labels minus reserved keys, plus service-name, managed-by, headless. */
export function sliceLabels(slice: Slice, service: Service, controllerName: string): { labels: Record<string, string>; changed: boolean } {
  const sliceOwn = Object.fromEntries(Object.entries(slice.metadata.labels ?? {}).filter(([k]) => !reserved(k)));
  const labels: Record<string, string> = Object.fromEntries(Object.entries(service.metadata?.labels ?? {}).filter(([k]) => !reserved(k)));
  const changed = !jsonEqual(sliceOwn, labels);
  const clusterIP = service.spec?.clusterIP;
  if (!clusterIP || clusterIP === 'None') labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata?.name ?? '';
  labels[LABEL_MANAGED_BY] = controllerName;
  return { labels, changed };
}

function reserved(labelKey: string): boolean {
  return labelKey === LABEL_SERVICE_NAME || labelKey === LABEL_MANAGED_BY || labelKey === LABEL_HEADLESS;
}

export function addressTypeOf(service: Service): 'IPv4' | 'IPv6' {
  const fam = service.spec?.ipFamilies?.[0];
  if (fam) return fam === 'IPv6' ? 'IPv6' : 'IPv4';
  return service.spec?.clusterIP?.includes(':') ? 'IPv6' : 'IPv4';
}

function ownedBy(slice: Slice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === service.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** The identity of an endpoint across syncs (hashEndpoint): its pod and addresses. */
function endpointKey(ep: Endpoint): string {
  return [ep.targetRef?.namespace, ep.targetRef?.name, [...ep.addresses].sort().join(','), ep.hostname ?? ''].join('|');
}

/**
 * Whether two endpoints are the same apart from their targetRef's resourceVersion (the
 * endpoint hash leaves it out): JSON equality of both with that field dropped, compared in
 * place (every existing endpoint of every sync is compared, so no stripped copies).
 */
export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  if (!deepEqualExcept(a, b, 'targetRef')) return false;
  const ra = a.targetRef;
  const rb = b.targetRef;
  if (!ra || !rb) return !ra && !rb;
  return deepEqualExcept(ra, rb, 'resourceVersion');
}

function isSamePlaceholder(a: Slice, b: Slice): boolean {
  return (
    (a.ports ?? []).length === 0 &&
    (a.endpoints ?? []).length === 0 &&
    a.metadata.namespace === b.metadata.namespace &&
    jsonEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    jsonEqual(a.metadata.ownerReferences ?? [], b.metadata.ownerReferences ?? [])
  );
}
