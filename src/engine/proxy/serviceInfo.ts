/**
 * What kube-proxy extracts from Services and EndpointSlices before writing any rule
 * (pkg/proxy/serviceport.go, endpointslicecache.go, topology.go), as plain data.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ServicePortChains } from './hash';
import type { EndpointRef, L4Protocol, ServicePortRef } from './model';

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
 * One endpoint of a Service port, with the conditions kube-proxy uses. Its `ip:port` key is
 * made only when asked for: a full sync gathers 100,000 endpoints and sorts and hashes them by
 * the key's text without joining it (see {@link compareEndpointKeys}).
 */
export class EndpointInfo implements EndpointRef {
  constructor(
    readonly ip: string,
    readonly port: number,
    /** `String(port)`, shared by the endpoints of one EndpointSlice port. */
    readonly portText: string,
    /** The EndpointSlice that listed this endpoint. */
    readonly slice: string | undefined,
    readonly nodeName: string | undefined,
    readonly ready: boolean,
    readonly serving: boolean,
    readonly terminating: boolean,
    readonly isLocal: boolean,
  ) {}

  /** `ip:port`, the sort key and the hash input. */
  get key(): string {
    return `${this.ip}:${this.portText}`;
  }
}

/**
 * Compares two endpoints' `ip:port` keys as strings (UTF-16 code units, as `<` does) without
 * making them: the endpoint checkout sorts 100,000 endpoints by them.
 */
export function compareEndpointKeys(a: EndpointInfo, b: EndpointInfo): number {
  const ai = a.ip;
  const bi = b.ip;
  if (ai === bi) return a.portText === b.portText ? 0 : a.portText < b.portText ? -1 : 1;
  const al = ai.length;
  const bl = bi.length;
  const n = Math.min(al + 1 + a.portText.length, bl + 1 + b.portText.length);
  for (let k = 0; k < n; k++) {
    const ca = k < al ? ai.charCodeAt(k) : k === al ? 58 : a.portText.charCodeAt(k - al - 1);
    const cb = k < bl ? bi.charCodeAt(k) : k === bl ? 58 : b.portText.charCodeAt(k - bl - 1);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  const la = al + a.portText.length;
  const lb = bl + b.portText.length;
  return la === lb ? 0 : la < lb ? -1 : 1;
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
  endpoints: EndpointInfo[];
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
 * Endpoints of one Service port gathered from its slices: deduplicated by `ip:port` and sorted
 * lexicographically by that string (endpointslicecache.go `byEndpoint`).
 */
export function endpointsForPort(info: ServicePortInfo, slices: readonly EndpointSlice[], nodeName: string): EndpointInfo[] {
  // Gathered in slice order, then sorted stably: of several entries for one `ip:port` the first
  // gathered comes first and is kept. (No map: 100,000 endpoints are gathered in a full sync.)
  const all: EndpointInfo[] = [];
  for (let s = 0; s < slices.length; s++) {
    const slice = slices[s]!;
    if (slice.addressType !== 'IPv4') continue;
    const ports = slice.ports ?? [];
    for (let p = 0; p < ports.length; p++) {
      const port = ports[p]!;
      if ((port.name ?? '') !== info.ref.port || lowerProtocol(port.protocol) !== info.ref.protocol) continue;
      if (port.port === undefined || port.port === null) continue;
      const portText = String(port.port);
      const sliceName = slice.metadata?.name;
      const endpoints = slice.endpoints ?? [];
      for (let e = 0; e < endpoints.length; e++) {
        const ep = endpoints[e]!;
        const ip = ep.addresses[0];
        if (!ip) continue;
        const c = ep.conditions;
        const ready = c?.ready ?? true;
        all.push(new EndpointInfo(ip, port.port, portText, sliceName, ep.nodeName, ready, c?.serving ?? ready, c?.terminating ?? false, ep.nodeName === nodeName));
      }
    }
  }
  all.sort(compareEndpointKeys);
  let n = 0;
  for (let i = 0; i < all.length; i++) if (n === 0 || compareEndpointKeys(all[i]!, all[n - 1]!) !== 0) all[n++] = all[i]!;
  all.length = n;
  return all;
}

const LOWER: Record<string, string> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' };
/** An EndpointPort's protocol in lower case (TCP when unset), without a new string for the usual ones. */
const lowerProtocol = (p: string | undefined): string => (p === undefined ? 'tcp' : (LOWER[p] ?? p.toLowerCase()));

export interface CategorizedEndpoints {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  allReachable: EndpointInfo[];
  hasAny: boolean;
}

/** topology.go `CategorizeEndpoints`, without topology hints. */
export function categorizeEndpoints(info: ServicePortInfo, endpoints: readonly EndpointInfo[]): CategorizedEndpoints {
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesClusterEndpoints(info)) {
    // Usually every endpoint is ready: then the list itself serves (nothing changes it).
    cluster = endpoints.every((e) => e.ready) ? (endpoints as EndpointInfo[]) : endpoints.filter((e) => e.ready);
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
