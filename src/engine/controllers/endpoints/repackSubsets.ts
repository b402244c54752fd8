import type { EndpointAddress, EndpointPort, EndpointSubset, ObjectReference } from 'kubernetes-types/core/v1';
import { sortByMd5 } from '../framework/md5';

/**
 * pkg/api/v1/endpoints RepackSubsets + SortSubsets: merges subsets so that addresses offering the
 * same ports share one subset, sorts addresses by IP then UID, and sorts ports and subsets by the
 * md5 of their go-spew `%#v` rendering (hashutil.DeepHashObject), as the real controller does.
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  // address key -> address; port key -> (address key -> ready)
  const addrs = new Map<string, EndpointAddress>();
  const portAddrs: PortAddresses = new Map();
  for (const ss of subsets) {
    if ((ss.ports ?? []).length === 0) mapByPort(addrs, portAddrs, ss, undefined);
    else for (const p of ss.ports!) mapByPort(addrs, portAddrs, ss, p);
  }
  const groups = new Map<string, { set: Map<string, boolean>; ports: EndpointPort[] | undefined }>();
  for (const { port, set } of portAddrs.values()) {
    const key = [...set.entries()].map(([k, r]) => `${k}=${r}`).sort().join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { set, ports: undefined }));
    if (port) g.ports = [...(g.ports ?? []), port];
  }
  const final: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.set) (r ? ready : notReady).push(addrs.get(k)!);
    const ss: EndpointSubset = {};
    if (ready.length) ss.addresses = ready;
    if (notReady.length) ss.notReadyAddresses = notReady;
    if (g.ports) ss.ports = g.ports;
    final.push(ss);
  }
  return sortSubsets(final);
}

/** port key -> the port and (address key -> ready). */
type PortAddresses = Map<string, { port: EndpointPort | undefined; set: Map<string, boolean> }>;

function addrKey(a: EndpointAddress): string {
  return `${a.ip}|${a.targetRef?.uid ?? ''}`;
}

/** Files the subset's addresses under `port` (a ready address wins over a not-ready one). */
function mapByPort(addrs: Map<string, EndpointAddress>, portAddrs: PortAddresses, ss: EndpointSubset, port: EndpointPort | undefined): void {
  const pk = port ? `${port.name ?? ''}|${port.port}|${port.protocol ?? ''}|${port.appProtocol ?? ''}` : 'sentinel';
  let entry = portAddrs.get(pk);
  if (!entry) portAddrs.set(pk, (entry = { port, set: new Map() }));
  for (const a of ss.addresses ?? []) {
    const k = addrKey(a);
    if (!addrs.has(k)) addrs.set(k, a);
    entry.set.set(k, true);
  }
  for (const a of ss.notReadyAddresses ?? []) {
    const k = addrKey(a);
    if (!addrs.has(k)) addrs.set(k, a);
    if (!entry.set.has(k)) entry.set.set(k, false);
  }
}

/** SortSubsets: addresses by IP then UID, ports and subsets by md5 of their spew rendering. */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const ss of subsets) {
    if (ss.addresses) ss.addresses.sort(byIPAndUID);
    if (ss.notReadyAddresses) ss.notReadyAddresses.sort(byIPAndUID);
    if (ss.ports) ss.ports = sortByHash(ss.ports, spewPort);
  }
  return sortByHash(subsets, spewSubset);
}

function byIPAndUID(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!a.targetRef) return b.targetRef ? 1 : 0;
  if (!b.targetRef) return -1;
  const ua = a.targetRef.uid ?? '';
  const ub = b.targetRef.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

const sortByHash = sortByMd5;

// go-spew `%#v` renderings of the core/v1 structs (fields in Go declaration order).
const strPtr = (v: string | undefined) => (v === undefined ? '(*string)<nil>' : `(*string)${v}`);

function spewPortFields(p: EndpointPort): string {
  return `Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:${strPtr(p.appProtocol)}`;
}

/** `(v1.EndpointPort){...}` as printed at top level (portsByHash hashes each element). */
export function spewPort(p: EndpointPort): string {
  return `(v1.EndpointPort){${spewPortFields(p)}}`;
}

function spewRef(r: ObjectReference | undefined): string {
  if (!r) return '(*v1.ObjectReference)<nil>';
  return (
    `(*v1.ObjectReference){Kind:(string)${r.kind ?? ''} Namespace:(string)${r.namespace ?? ''} Name:(string)${r.name ?? ''} ` +
    `UID:(types.UID)${r.uid ?? ''} APIVersion:(string)${r.apiVersion ?? ''} ResourceVersion:(string)${r.resourceVersion ?? ''} FieldPath:(string)${r.fieldPath ?? ''}}`
  );
}

function spewAddresses(list: EndpointAddress[] | undefined): string {
  if (!list) return '([]v1.EndpointAddress)<nil>';
  const items = list.map((a) => `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${strPtr(a.nodeName)} TargetRef:${spewRef(a.targetRef)}}`);
  return `([]v1.EndpointAddress)[${items.join(' ')}]`;
}

/** `(v1.EndpointSubset){...}` as printed at top level (subsetsByHash). */
export function spewSubset(ss: EndpointSubset): string {
  const ports = ss.ports ? `([]v1.EndpointPort)[${ss.ports.map((p) => `{${spewPortFields(p)}}`).join(' ')}]` : '([]v1.EndpointPort)<nil>';
  return `(v1.EndpointSubset){Addresses:${spewAddresses(ss.addresses)} NotReadyAddresses:${spewAddresses(ss.notReadyAddresses)} Ports:${ports}}`;
}
