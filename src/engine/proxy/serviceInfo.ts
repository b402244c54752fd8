/**
 * What kube-proxy extracts from Services and EndpointSlices before writing any rule
 * (pkg/proxy/serviceport.go, endpointslicecache.go, topology.go), as plain data.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ServicePortChains } from './hash';
import type { EndpointInfo, EndpointTable } from './endpointTable';
import { compareKeyText, endpointsForPort, LOCAL, READY, SERVING, TERMINATING } from './endpointTable';
import type { L4Protocol, ServicePortRef } from './model';

export { EndpointInfo, EndpointTable, endpointsForPort } from './endpointTable';

/** Default `sessionAffinityConfig.clientIP.timeoutSeconds` (API defaulting). */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** One Service port as kube-proxy sees it. */
export interface ServicePortInfo {
  ref: ServicePortRef;
  /** `ns/name:port` (or `ns/name` for an unnamed port): used in comments and hashes. */
  nameString: string;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: string[];
  healthCheckNodePort: number;
  /** ClientIP affinity timeout in seconds, or 0 without affinity. */
  affinitySeconds: number;
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  /**
   * KUBE-SVC/SVL/EXT/FW names, set by kube-proxy's change tracker when the Service arrives (as
   * newServiceInfo does); rule generation hashes them itself when they are absent.
   */
  chains?: ServicePortChains;
}

/**
 * Compares two endpoints' `ip:port` keys as strings (UTF-16 code units, as `<` does) without
 * making them.
 */
export function compareEndpointKeys(a: EndpointInfo, b: EndpointInfo): number {
  return compareKeyText(a.ip, a.portText, b.ip, b.portText);
}

const isIPv4 = (ip: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip);

/** `ServicePortName.String()`: the port name is appended only when it is set. */
export function servicePortNameString(namespace: string, name: string, port: string): string {
  return port ? `${namespace}/${name}:${port}` : `${namespace}/${name}`;
}

/** Normalises a CIDR the way Go's net.ParseCIDR prints it (host bits cleared; bare IP → /32). */
export function normalizeCidr(cidr: string): string {
  const [ip, bitsText] = cidr.trim().split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const value = ipToInt(ip ?? '');
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return `${intToIp((value & mask) >>> 0)}/${bits}`;
}

export function ipToInt(ip: string): number {
  // Digits and dots read in one pass (the rule index parses 10,000 cluster IPs per sync);
  // anything else takes Number()'s reading of each part, as before.
  let acc = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      acc = ((acc << 8) | part) >>> 0;
      part = 0;
    } else if (c >= 48 && c <= 57 && part < 1e9) part = part * 10 + (c - 48);
    else return ip.split('.').reduce((a, p) => ((a << 8) | Number(p)) >>> 0, 0);
  }
  return ((acc << 8) | part) >>> 0;
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
}

/** True if `ip` lies inside `cidr` (`a.b.c.d/n`). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((ipToInt(base ?? '') & mask) >>> 0) === ((ipToInt(ip) & mask) >>> 0);
}

/**
 * The ports kube-proxy programs for a Service. Headless and ExternalName Services and
 * non-IPv4 cluster IPs are skipped, as the IPv4 proxier does.
 */
export function servicePorts(service: Service): ServicePortInfo[] {
  const spec = service.spec ?? {};
  const clusterIP = spec.clusterIP ?? '';
  if (spec.type === 'ExternalName' || !clusterIP || clusterIP === 'None' || !isIPv4(clusterIP)) return [];
  const namespace = service.metadata?.namespace ?? 'default';
  const name = service.metadata?.name ?? '';
  const lbVIPs = (service.status?.loadBalancer?.ingress ?? [])
    .filter((i) => i.ip && isIPv4(i.ip) && i.ipMode !== 'Proxy')
    .map((i) => i.ip!);
  const externalIPs = (spec.externalIPs ?? []).filter(isIPv4);
  const ranges = spec.type === 'LoadBalancer' ? (spec.loadBalancerSourceRanges ?? []).map(normalizeCidr) : [];
  const affinitySeconds =
    spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) : 0;
  return (spec.ports ?? []).map((p) => {
    const protocol = (p.protocol ?? 'TCP').toLowerCase() as L4Protocol;
    const ref: ServicePortRef = { namespace, name, port: p.name ?? '', protocol };
    const nodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? (p.nodePort ?? 0) : 0;
    const vips = spec.type === 'LoadBalancer' ? lbVIPs : [];
    const externallyAccessible = nodePort !== 0 || vips.length > 0 || externalIPs.length > 0;
    const externalPolicyLocal = externallyAccessible && spec.externalTrafficPolicy === 'Local';
    return {
      ref,
      nameString: servicePortNameString(namespace, name, ref.port),
      clusterIP,
      port: p.port,
      nodePort,
      externalIPs,
      loadBalancerVIPs: vips,
      loadBalancerSourceRanges: ranges,
      healthCheckNodePort: externalPolicyLocal && spec.type === 'LoadBalancer' ? (spec.healthCheckNodePort ?? 0) : 0,
      affinitySeconds,
      internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
      externalPolicyLocal,
    };
  });
}

export function externallyAccessible(info: ServicePortInfo): boolean {
  return info.nodePort !== 0 || info.loadBalancerVIPs.length > 0 || info.externalIPs.length > 0;
}

/** "Cluster" endpoints are needed unless traffic is internal-Local only. */
export function usesClusterEndpoints(info: ServicePortInfo): boolean {
  return !info.internalPolicyLocal || externallyAccessible(info);
}

export function usesLocalEndpoints(info: ServicePortInfo): boolean {
  return info.internalPolicyLocal || info.externalPolicyLocal;
}

/** One Service port with its endpoints on a node. */
export interface PortEndpoints {
  info: ServicePortInfo;
  endpoints: EndpointTable;
}

/** Every Service port of `services` with its endpoints on `nodeName`, in Service order. */
export function allPortEndpoints(services: readonly Service[], slices: readonly EndpointSlice[], nodeName: string): PortEndpoints[] {
  const slicesOf = sliceLookup(slices);
  const out: PortEndpoints[] = [];
  for (const svc of services) {
    const own = slicesOf(svc);
    for (const info of servicePorts(svc)) out.push({ info, endpoints: endpointsForPort(info, own, nodeName) });
  }
  return out;
}

/** The EndpointSlices that belong to a Service (label `kubernetes.io/service-name`). */
export function slicesForService(service: Service, slices: readonly EndpointSlice[]): EndpointSlice[] {
  const ns = service.metadata?.namespace ?? 'default';
  const name = service.metadata?.name;
  return slices.filter(
    (s) => (s.metadata?.namespace ?? 'default') === ns && s.metadata?.labels?.['kubernetes.io/service-name'] === name,
  );
}

/**
 * {@link slicesForService} for many Services: the slices are grouped by Service once, so a whole
 * node's rules do not filter 10,000 slices per Service. Same slices, same order.
 */
export function sliceLookup(slices: readonly EndpointSlice[]): (service: Service) => EndpointSlice[] {
  const byService = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const name = s.metadata?.labels?.['kubernetes.io/service-name'];
    if (name === undefined) continue;
    const key = `${s.metadata?.namespace ?? 'default'}/${name}`;
    const list = byService.get(key);
    if (list) list.push(s);
    else byService.set(key, [s]);
  }
  return (service) => {
    const name = service.metadata?.name;
    if (name === undefined) return [];
    return byService.get(`${service.metadata?.namespace ?? 'default'}/${name}`) ?? [];
  };
}

/**
 * Endpoints by position in their table, ascending (so sorted by key, as the table is). The
 * usual "every endpoint" subset is one shared list per length.
 */
export type EndpointSubset = readonly number[];

export interface CategorizedEndpoints {
  endpoints: EndpointTable;
  cluster: EndpointSubset;
  local: EndpointSubset;
  allReachable: EndpointSubset;
  hasAny: boolean;
}

// Shared by every Service port, so never changed: the readonly type guards them (a frozen array
// would take V8's frozen elements kinds on paths every port reads, for no extra safety).
const NONE: EndpointSubset = [];
const everyOf: EndpointSubset[] = [];
/** [0, 1, ... n-1], shared for the lengths Service ports usually have. */
function every(n: number): EndpointSubset {
  if (n >= 256) return Array.from({ length: n }, (_, i) => i);
  return (everyOf[n] ??= Array.from({ length: n }, (_, i) => i));
}

/** The positions of the endpoints whose condition bits include all of `bits`. */
function where(t: EndpointTable, bits: number): EndpointSubset {
  return t.positionsWith(bits) ?? every(t.length);
}

/** topology.go `CategorizeEndpoints`, without topology hints. */
export function categorizeEndpoints(info: ServicePortInfo, endpoints: EndpointTable): CategorizedEndpoints {
  let cluster = NONE;
  let hasAny = false;
  const n = endpoints.length;
  if (usesClusterEndpoints(info)) {
    cluster = where(endpoints, READY);
    // No ready endpoint anywhere: fall back to terminating ones that still pass readiness.
    if (cluster.length === 0) cluster = where(endpoints, SERVING | TERMINATING);
    if (cluster.length > 0) hasAny = true;
  }
  if (!usesLocalEndpoints(info)) return { endpoints, cluster, local: NONE, allReachable: cluster, hasAny };
  let localReady = false;
  let localServingTerminating = false;
  for (let i = 0; i < n; i++) {
    const f = endpoints.flags(i);
    if (f & READY) {
      hasAny = true;
      if (f & LOCAL) localReady = true;
    } else if ((f & (SERVING | TERMINATING)) === (SERVING | TERMINATING)) {
      hasAny = true;
      if (f & LOCAL) localServingTerminating = true;
    }
  }
  let local = NONE;
  if (localReady) local = where(endpoints, LOCAL | READY);
  else if (localServingTerminating) local = where(endpoints, LOCAL | SERVING | TERMINATING);
  if (!usesClusterEndpoints(info)) return { endpoints, cluster, local, allReachable: local, hasAny };
  return { endpoints, cluster, local, allReachable: union(cluster, local), hasAny };
}

/** The positions in either sorted subset, sorted (the endpoints in cluster or local, by key). */
function union(a: EndpointSubset, b: EndpointSubset): EndpointSubset {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    out.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}
